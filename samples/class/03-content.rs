# Chapter 3 - content features and classification (about 10 minutes).
echo "Chapter 3: what the videos are about - keywords from captions, and a classifier for missing categories."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
echo "TF-IDF keywords per category, plus duration, upload age and one-hot features: the item feature matrix."
features
echo "Naive Bayes learns a category from the caption; compare its accuracy with always guessing the biggest class."
classify
echo "--fill writes the predicted category where it was missing (a pipeline step)."
classify --fill
echo "Key point: content features let us talk about videos nobody has watched yet (chapter 8, cold start)."
