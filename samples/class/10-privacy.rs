# Chapter 10 - privacy and explanations (about 10 minutes).
echo "Chapter 10: pseudonymous ids, noisy published figures, and telling a user why."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
echo "Anonymize replaces user, video and creator ids with keyed hashes (the salt is the key: keep it secret)."
anonymize salt=class-secret
head 3 columns=user_id,video_id
echo "Back to the original ids for the rest of the chapter."
generate class-world users=300 videos=600 creators=60 days=7 events=40 seed=7 --force --load
clean dedup
split user test=0.2 seed=1
train iknn model=itemknn k=40
echo "Publishing exposure with differential privacy: Laplace noise for epsilon = 1 (seeded here to be repeatable)."
audit iknn dp=1 seed=1 top=3
echo "Why was video 303 recommended to user 0? The neighbours behind the score."
explain user=0 item=303 model=iknn k=3
echo "Key point: explanations and privacy pull in opposite directions - an explanation reveals what you watched."
