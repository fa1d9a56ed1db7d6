# Creator exposure plots from the audit engine (fair.h), in characters:
# the Lorenz curve with the diagonal and each model's Gini in the title and
# the key, exposure and training interactions by creator popularity decile,
# exposure share against merit share with y = x and the five creators
# farthest from it named. Creator names come from the data and include
# gnuplot syntax ("; system(...); ", '...', `...`, @name, a newline): they
# are drawn as text. The Gini in each title equals the models table's.
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
> load data/plot/views.csv items=data/plot/items.csv creator=author
format: delimited text
log data/plot/views.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
items data/plot/items.csv: 10 rows, id column video_id, 5 other columns
path          data/plot/views.csv
format        csv
interactions  49
users         8
items         10
creators      8
signal        ratio (watch_ratio), median 0.97, max 1.95
> split files test=data/plot/test.csv
format: delimited text
log data/plot/test.csv: comma-separated, header row; user=user_id item=video_id value=watch_ratio time=(none)
kind        files
split       files test=data/plot/test.csv
train       49
valid       0
test        10
test users  8
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  49
seconds         (time)
> train r model=random seed=4
name            r
kind            random
params          seed 1
training pairs  49
seconds         (time)
> plot lorenz k=2 size=70x20
        Lorenz curve of creator exposure, Gini: p 0.478, r 0.603
                    y: cumulative exposure share (%)
  100 +-----------------------------------------------------------+
      |           +           +           +           +  ****** $$|
   80 |-+                                          ******     $$+-|
      |                                      ******         $$    |
   60 |-+                              ******            #$$    +-|
      |                          ******              ##$$$        |
   40 |-+                  ******               #####$$         +-|
      |              ******             ########  $$$             |
   20 |-+      ******            #######      $$$$              +-|
      |  ******   +      ########       $$$$$$        +           |
    0 +-----------------------------------------------------------+
      0           20          40          60          80         100
                    creators, least exposed first (%)
                    equality *******   r (Gini 0.603) $$$$$$$
              p (Gini 0.478) #######
k  2
models:
  model  users  creators    gini
  p          8         8  0.4779
  r          8         8  0.6029
> plot exposure k=2 size=70x22 model=p
                 Exposure by creator popularity decile
                             y: share (%)
  40 +------------------------------------------------------------+
     |        ####        +            +           +           +  |
  35 |-+      #  #                                              +-|
  30 |-+      #  #                                              +-|
     |***     #  #                                                |
  25 |*+*     #  #                                              +-|
  20 |*+*   **#  #                           ###                +-|
     |* *   * #  #                           # #                  |
  15 |*+### * #  #***   ***                  # #                +-|
     |* # # * #  #* *   * *                  # #                  |
  10 |*+# # * #  #* *   * *         ***###   # #   ###          +-|
   5 |*+# # * #  #* *   * ####      *  # #***# #   # #          +-|
     |* # # * #  #* *   * #  #      *  # #*  # #***# #         +  |
   0 +------------------------------------------------------------+
              2           4            6           8           10
             creator popularity decile (1 = most popular)
      training interactions *******              p exposure #######
k  2
deciles:
  decile  interactions      p
       1         28.6%  15.3%
       2         22.4%  35.5%
       3         16.3%     0%
       4         14.3%  7.66%
       5            0%     0%
       6         10.2%  9.67%
       7         6.12%  22.2%
       8         2.04%  9.67%
       9            0%     0%
      10            0%     0%
models:
  model  users  creators    gini
  p          8         8  0.4779
> plot merit k=2 size=70x20 model=p
                    Creator exposure against merit
                         y: exposure share (%)
  40 +------------------------------------------------------------+
  35 |-+     +      +       +       +      +       Gbob  ***    +-|
     |                                             ******         |
  30 |-+                                      *****             +-|
  25 |-+                                 *****                  +-|
  20 |-+            Gnew line      ******                       +-|
     |                        *****                               |
  15 |-+            Gali******                                  +-|
  10 |-+           *G***                                        +-|
     |        ***** G"; system("touch pwned"); "                  |
   5 |-+******      +       +       +      +       +      +     +-|
   0 +------------------------------------------------------------+
     0       5      10      15      20     25      30     35      40
            merit share: relevant held-out interactions (%)
           exposure = merit *******                  p    G
k  2
models:
  model  users  creators    gini  equity_of_attention
  p          8         8  0.4779               0.4599
