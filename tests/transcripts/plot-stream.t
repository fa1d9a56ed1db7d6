# Drift made visible, drawn by the built-in text renderer (no gnuplot):
# plot stream draws a kept stream result's metric per window, one line per
# strategy (the figures of stream-tiny.t: static ndcg@2 0.877, 0.4623,
# 0.3333; incremental 0.877, 1, 1); plot trend draws the share of each
# day's events per category (news: 3 of 3 on day 1, 1 of 4 on day 4);
# profile half_life= weighs u3's rows by 2^-(age in days): b 3.04 days old
# 0.1215, a 2 days 0.25, c 1.04 days 0.4857, d 1 day 0.5, a 0 days 1, so
# news 1.3715 (58.2%), music 0.9857, total 2.357. Then the bad inputs.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^  \(20\|overall\)/s/ *[0-9][0-9.,e+-]*$/ (t)/
> set gnuplot=/nonexistent/gnuplot
json        no
progress    no
keep_going  yes
gnuplot     /nonexistent/gnuplot
> load data/stream/tiny.csv items=data/stream/items.csv
format: delimited text
log data/stream/tiny.csv: comma-separated, header row; user=user item=item value=(none) time=time
items data/stream/items.csv: 5 rows, id column item, 1 other column
no creator column: exposure audits need one (load ... creator=COLUMN [items=FILE])
path          data/stream/tiny.csv
format        csv
interactions  15
users         3
items         5
creators      -
signal        binary (no value column: every row a positive)
> stream s model=pop update=static,incremental k=2
name             s
model            pop
params           window 0  half_life 0
window           1d
k                2
from             2020-01-02 00:00:00
warm-up events   3
replayed events  12
empty windows    0
static:
  window      events  users  scored  recall@2  ndcg@2   hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877       1       0.6        0.5 (t)
  2020-01-03       4      3       3       0.5  0.4623  0.6667       0.6        0.5 (t)
  2020-01-04       4      3       3    0.3333  0.3333  0.3333       0.6          0 (t)
  overall         12      -       9    0.6111  0.5575  0.6667       0.6     0.3333 (t)
incremental:
  window      events  users  scored  recall@2  ndcg@2  hit@2  coverage  new_items  us/event
  2020-01-02       4      3       3         1   0.877      1       0.6        0.5 (t)
  2020-01-03       4      3       3         1       1      1       0.8     0.6667 (t)
  2020-01-04       4      3       2         1       1      1       0.4          1 (t)
  overall         12      -       8         1  0.9539      1       0.6     0.6667 (t)
seconds          (time)
> plot stream s size=60x16
           ndcg@2 per window: s (pop), window 1d
ndcg@2
  1|                  +++++++++++++++++++++++++++         |
   |         +++++++++                                    |
   |            ******                                    |
   |                  *****                               |
0.5|                       *******                        |
   |                              ***************         |
   |                                                      |
   |                                                      |
  0|                                                      |
   +------------------------------------------------------+
   0.5                         2                       3.5
             window (1d each, from 2020-01-02)
  * static
  + incremental
stream  s
metric  ndcg@2
strategies:
  update       windows  overall
  static             3   0.5575
  incremental        3   0.9539
warning: gnuplot program /nonexistent/gnuplot not found: drew the plot with the built-in text renderer
> plot stream s metric=coverage size=60x14
          coverage per window: s (pop), window 1d
coverage
  1|                                                      |
   |                       ++++++                         |
   |         ++++++++++++++******+++++++*********         |
0.5|                                    ++++++++          |
   |                                            +         |
   |                                                      |
  0|                                                      |
   +------------------------------------------------------+
   0.5                         2                       3.5
             window (1d each, from 2020-01-02)
  * static
  + incremental
stream  s
metric  coverage
strategies:
  update       windows  overall
  static             3      0.6
  incremental        3      0.6
warning: gnuplot program /nonexistent/gnuplot not found: drew the plot with the built-in text renderer
> plot trend category size=60x16
           Share of events per category over time
share of the window's events
     1|      **                                           |
      |        ****                                       |
      |            ****          ++++++++                 |
      |                *** ++++++        ++++             |
0.4286|                ++++******            +++xxxx      |
      |            ++++          ***********xxxx*+++      |
      |        ++++                     xxxx              |
     0|      xxxxxxxxxxxxxxxxxxxxxxxxxxx                  |
      +---------------------------------------------------+
      0.5                      2.5                     4.5
             window (1d each, from 2020-01-01)
  * news
  + music
  x sport
column   category
windows  4
values:
  value  events  first  last
  news        7   100%   25%
  music       6     0%   25%
  sport       2     0%   50%
warning: gnuplot program /nonexistent/gnuplot not found: drew the plot with the built-in text renderer
> features
text columns     none
items            all 5  with text 0  with terms 0
terms            kept 0  of 0  rare 0  common 0
tokens           0
nonzeros         tfidf 0  per item 0  matrix 5
feature columns  all 3  text 0  category 3
weighting        tf 1+ln(count), idf ln((1+n)/(1+df))+1, rows L2-normalized
top keywords per category:
  category  items  keywords
  music         2  
  news          2  
  sport         1  
> profile user=u3 signal=count
user    u3
signal  count
events  all 5  used 5  weight 5
top categories:
  category  weight  share
  news           3    60%
  music          2    40%
> profile user=u3 signal=count half_life=1
user              u3
signal            count
half-life (days)  1
as of             2020-01-04 12:00:00
events            all 5  used 5  weight 2.357
top categories:
  category  weight  share
  news       1.371  58.2%
  music     0.9858  41.8%
> profile user=u3 half_life=-2
error: profile: half_life=-2 is out of range (0 to 36,500)
> profile item=a half_life=1
error: profile: half_life= decays a user's interactions; an item profile has none
> plot stream nope
error: plot stream: no stream result named nope (run stream nope model=KIND first)
> plot stream s metric=ndcg@5
error: plot stream: metric=ndcg@5: s was scored at k=2 (ndcg@2)
> plot stream s metric=foo
error: plot stream: metric=foo is not one of recall@K, ndcg@K, hit@K, coverage, new_items, update_us
> plot stream
error: plot stream: which stream result? usage: plot stream NAME
> plot trend
error: plot trend: which column? usage: plot trend COLUMN
> plot trend nope
error: plot trend: no column named nope (columns lists them)
> plot trend category window=3
error: plot trend: window=3: give hours or days (1h, 6h, 1d, 7d)
> plot trend category window=2d size=60x12
           Share of events per category over time
share of the window's events
0.7143|             *******                               |
      |                    **+++++++++++++++++            |
0.2381|             +++++++++   xxxxxxxxxxxxxx            |
     0|             xxxxxxxxxxxx                          |
      +---------------------------------------------------+
      0.5                      1.5                     2.5
             window (2d each, from 2020-01-01)
  * news
  + music
  x sport
column   category
windows  2
values:
  value  events  first  last
  news        7  71.4%   25%
  music       6  28.6%   50%
  sport       2     0%   25%
warning: gnuplot program /nonexistent/gnuplot not found: drew the plot with the built-in text renderer
