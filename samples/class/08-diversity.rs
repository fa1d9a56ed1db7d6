# Chapter 8 - diversity and cold start (about 10 minutes).
echo "Chapter 8: beyond accuracy - novelty, diversity, coverage; and videos nobody has watched."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
features
split user test=0.2 seed=1
train pop model=pop
train als model=als factors=16 epochs=5
echo "The content model scores videos from their features: it can recommend brand-new videos."
train content model=content
echo "Look at coverage, novelty and diversity next to ndcg."
eval k=10
echo "MMR re-ranking trades a little score for lists with fewer repeats of a creator."
rerank als method=mmr lambda=0.5 as als-mmr
eval als als-mmr k=10
echo "Key point: a list can be accurate and boring; measure both."
