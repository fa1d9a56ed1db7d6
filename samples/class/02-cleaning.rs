# Chapter 2 - cleaning (about 15 minutes).
echo "Chapter 2: cleaning, one recorded step at a time, each one measured against the injected dirt."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
echo "Exact copies and repeated (user, video, time) events: dedup."
clean dedup
echo "Impossible values and timestamps outside the logged window: invalid."
clean invalid
echo "Replay outliers on the watch ratio: a robust rule (median/MAD) on the log scale, upper side only."
clean outliers watch_ratio method=z scale=log side=upper
echo "Bots: users with implausibly short gaps or bursts of events."
clean bots
echo "Every step is in the pipeline, with rows before and after; undo takes the last one back."
pipeline
undo
pipeline
echo "history prints the script that rebuilds this exact data: cleaning is reproducible."
history
echo "Key point: recall and precision against the known dirt tell you what each rule catches and what it wrongly removes."
