# A first look at a short-video log: load the bundled simulated world (KuaiRec
# layout), summarize it and peek at each table.
# Run from the top of the source tree: reelscope samples/demo-load.rs
load samples/world --skip-bad
describe
head 5
head 5 table=items columns=video_id,author_id,video_duration,video_tag_name,caption
head 3 table=users columns=user_id,user_active_degree,register_days
columns
