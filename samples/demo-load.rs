# A first look at a short-video log: load the bundled KuaiRec-layout sample,
# summarize it, and peek at each table.  Run: reelscope samples/demo-load.rs
load samples/mini-kuairec
describe
head 5
head 5 table=items columns=video_id,author_id,video_tag_name,caption
columns
