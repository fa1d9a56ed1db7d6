# Chapter 6 - deep models (about 15 minutes).
echo "Chapter 6: neural recommenders - small and few epochs here so they run in seconds."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
split leave-last k=1
train pop model=pop
echo "NeuMF: a dot-product tower and an MLP tower over user and video embeddings."
train ncf model=ncf factors=8 layers=16,8 epochs=3
echo "GRU4Rec: reads each user's views in time order and predicts the next one."
train gru model=gru4rec embed=16 hidden=32 epochs=2
echo "Mult-VAE: an autoencoder over each user's set of videos."
train vae model=multvae hidden=64 dim=16 epochs=5
compare k=10
echo "Key point: deep is not automatically better; compare against pop, and look at the confidence intervals."
