# Chapter 1 - the data and its dirt (about 10 minutes).
# Run from any folder: reelscope samples/class/01-data.rs (it writes class-world/ there).
echo "Chapter 1: a short-video log, and the dirt every real log carries."
echo "We generate a small simulated world (300 users, 600 videos, 60 creators, 7 days), same seed, same data."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
echo "What is in it: users, items, creators, how sparse the log is, how skewed popularity is."
describe columns=no
echo "One row per view: who watched which video, when, and the watch ratio (play time / video length)."
head 5 columns=user_id,video_id,timestamp,watch_ratio
echo "The simulator injected dirt on purpose and wrote it down (class-world/dirt.csv): duplicates, bots, replay outliers, missing durations, impossible times."
echo "Look at the watch ratio: most views are below 2, a few are far above - replays or logging errors?"
plot hist watch_ratio bins=20
echo "Key point: never trust a log before you have looked at it. Chapter 2 cleans it, step by step."
