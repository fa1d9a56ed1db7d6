# Chapter 5 - neighbours and factorization (about 15 minutes).
echo "Chapter 5: collaborative filtering - people who watched this also watched; and latent factors."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
clean bots
split user test=0.2 seed=1
echo "The floor every model must beat: popularity."
train pop model=pop
echo "Item-based neighbours: videos similar to the ones you watched."
train iknn model=itemknn k=40
echo "Implicit ALS: users and videos as vectors of 16 hidden factors."
train als model=als factors=16 epochs=5
echo "Videos similar to video 545 by the neighbour model."
similar item=545 k=5 model=iknn
echo "User 0's top 5 from ALS."
recommend user=0 k=5 model=als
echo "The leaderboard on held-out views, with confidence intervals."
compare k=10
echo "Key point: beating popularity is not a given on a small, skewed log."
