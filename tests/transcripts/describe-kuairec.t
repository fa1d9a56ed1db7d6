# describe on the KuaiRec layout: a date-time column's min and max are shown
# to the second in the columns table (the observed block's last time is
# 2020-07-04 16:40:23.438; JSON keeps the milliseconds), so the table stays
# narrow.
> load data/kuairec-mini
format: KuaiRec 2.0 folder data/kuairec-mini
log data/kuairec-mini/big_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
observed block data/kuairec-mini/small_matrix.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=timestamp
items data/kuairec-mini/item_daily_features.csv: 26 rows, id column video_id (repeated ids: kept the last row of each), 15 other columns
items data/kuairec-mini/item_categories.csv: 12 rows, id column video_id, 1 other column
items data/kuairec-mini/kuairec_caption_category.csv: 12 rows, id column video_id, 9 other columns
users data/kuairec-mini/user_features.csv: 6 rows, id column user_id, 10 other columns
users data/kuairec-mini/social_network.csv: 3 rows, id column user_id, 1 other column
path            data/kuairec-mini
format          kuairec
interactions    48
users           6
items           13
creators        5
observed block  12
signal          ratio (watch_ratio), median 1, max 2.2
> describe
interactions      48
users             6
items             12
creators          4
signal            ratio (watch_ratio), median 1, max 2.2
density           66.7%
catalog users     6
catalog items     13
catalog creators  5
per user          min 8  25% 8  median 8  75% 8  90% 8  99% 8  max 8
per item          min 2  25% 3.75  median 4  75% 5  90% 5  99% 5  max 5
top items hold    1%: 10.4%  10%: 20.8%  20%: 31.2%
observed block    interactions 12  users 3  items 4  density 100%
columns:
  table     name                        type   missing  distinct                  min                  max        mean
  log       play_duration               int          0        26                 1400                66220      20,356
  log       video_duration              int          0         6                 7000                58000      20,415
  log       time                        time         0        48  2020-07-04 16:09:00  2020-07-04 16:38:05           -
  log       date                        int          0         1             20200704             20200704  20,200,704
  log       timestamp                   float        0        48  2020-07-04 16:09:00  2020-07-04 16:38:05           -
  log       watch_ratio                 float        0         6                  0.2                  2.2       1.079
  items     date                        int          0         1             20200706             20200706  20,200,706
  items     author_id                   int          0         5                   10                   14       11.69
  items     video_type                  text         0         2                    -                    -           -
  items     upload_dt                   date         0         4           2020-07-01           2020-07-04           -
  items     upload_type                 text         0         1                    -                    -           -
  items     visible_status              text         0         1                    -                    -           -
  items     video_duration              int          1         6                 7000                58000      22,433
  items     video_width                 int          0         1                  720                  720         720
  items     video_height                int          0         1                 1280                 1280       1,280
  items     music_id                    int          0        13                  100                  112         106
  items     video_tag_id                int          0         4                    0                    3       1.385
  items     video_tag_name              text         0         4                    -                    -           -
  items     show_cnt                    int          0        13                 1006                 1090       1,048
  items     play_cnt                    int          0        13                  500                  512         506
  items     like_cnt                    int          0        13                   20                   32          26
  items     feat                        text         1         8                    -                    -           -
  items     manual_cover_text           text         1         1                    -                    -           -
  items     caption                     text         1         4                    -                    -           -
  items     topic_tag                   text         1         1                    -                    -           -
  items     first_level_category_id     int          1         4                    1                    4         2.5
  items     first_level_category_name   text         1         4                    -                    -           -
  items     second_level_category_id    int          1         4                  100                  103       101.5
  items     second_level_category_name  text         1         4                    -                    -           -
  items     third_level_category_id     int          1         1                 -124                 -124        -124
  items     third_level_category_name   text         1         1                    -                    -           -
  users     user_active_degree          text         0         4                    -                    -           -
  users     is_lowactive_period         int          0         1                    0                    0           0
  users     is_live_streamer            int          0         1                    0                    0           0
  users     is_video_author             int          0         2                    0                    1         0.5
  users     follow_user_num             int          0         6                    0                   65        32.5
  users     follow_user_num_range       text         0         2                    -                    -           -
  users     fans_user_num               int          0         6                    0                   10           5
  users     register_days               int          0         6                  100                  250         175
  users     onehot_feat0                int          0         2                    0                    1         0.5
  users     onehot_feat1                int          0         3                    0                    2           1
  users     friend_list                 text         3         3                    -                    -           -
  observed  play_duration               int          0         7                 4800                42140      22,875
  observed  video_duration              int          0         2                 9600                30100      19,850
  observed  time                        time         0        12  2020-07-04 16:38:16  2020-07-04 16:40:23           -
  observed  date                        int          0         1             20200704             20200704  20,200,704
  observed  timestamp                   float        0        12  2020-07-04 16:38:16  2020-07-04 16:40:23           -
  observed  watch_ratio                 float        0         5                  0.5                  2.2       1.208
