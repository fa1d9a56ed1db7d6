# Chapter 7 - evaluation done right and wrong (about 15 minutes).
echo "Chapter 7: the same models, three ways of fooling yourself: leakage, sampled metrics, cold users."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
echo "A random split lets the model see a user's future views while testing on the past: leakage."
split random test=0.2 seed=1
train pop model=pop
train als model=als factors=16 epochs=5
eval k=10
echo "A temporal split tests on the last days only, as in production."
undo
split temporal test=0.2
train pop model=pop
train als model=als factors=16 epochs=5
eval k=10
echo "Sampled metrics: rank the held-out videos among 100 random others - the numbers inflate."
eval als k=10 sampled=100
echo "Cold users (held-out rows, no training row) can only get popular videos: eval counts them and warns above 10%; cold=exclude leaves them out."
eval k=10 cold=exclude
echo "Is ALS really better than pop on these users? A paired test."
significance als pop metric=ndcg@10
echo "Key point: report the protocol with the number; the same model can look twice as good under a careless one."
