# Chapter 4 - the user interest model (about 10 minutes).
echo "Chapter 4: a user's interests as the sum of the features of what they watched, weighted by how much."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
features
echo "User 0's profile: top keywords, categories and creators."
profile user=0 k=5
echo "With a half-life of 2 days, recent views count more: what user 0 likes now."
profile user=0 k=5 half_life=2
echo "One video's own keywords and features, for comparison."
profile item=545 k=5
echo "Key point: the profile is explainable - every score traces back to watched videos."
