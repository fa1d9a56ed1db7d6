# Chapter 9 - creator fairness and re-ranking (about 15 minutes).
echo "Chapter 9: who gets seen? Exposure of creators, and re-rankers that share it out."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
split user test=0.2 seed=1
train pop model=pop
train als model=als factors=16 epochs=5
echo "Exposure per creator (position-weighted), Gini, coverage, long-tail share (APLT), PopREO."
audit pop als top=5
echo "FA*IR keeps a minimum share of tail creators at every position of the list."
rerank als method=fair p=0.5 as als-fair
audit als als-fair top=5
echo "What did it cost in accuracy?"
compare als als-fair k=10
echo "The Lorenz curve: how far from equal exposure."
plot lorenz
echo "Key point: popularity feeds on itself; fairness is a choice you measure and trade, not a default."
