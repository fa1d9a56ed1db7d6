# Without gnuplot: set gnuplot= names a program that is not there (a path,
# then a name looked up on PATH). An inline plot says so and is drawn by
# the built-in text renderer; a file or sixel cannot be made, so the
# command fails after showing the text rendering, and writes nothing.
# set gnuplot=gnuplot goes back to gnuplot on PATH.
# exit: 1
# filter: s/^\(seconds *\)[0-9.e+-]*$/\1(time)/
# filter: /^history:$/,/^[^ ]/s/^ *\([0-9][0-9]*\)  *\([^ ][^ ]*\)  *\([^ ][^ ]*\)  *[0-9][0-9.e+-]*$/  \1  \2  \3  (time)/
# filter: /^history:$/,/^[^ ]/s/^ *epoch  *\([^ ]*\)  *\([^ ]*\)  *seconds$/  epoch  \1  \2  seconds/
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
> train b model=bpr factors=2 epochs=4 seed=2
no validation rows: trained all 4 epochs (split ... valid=0.1 enables early stopping)
name            b
kind            bpr
params          factors 2  epochs 4  lr 0.1  decay 0.95  reg 0.03  reg_bias 0.01  sampling uniform  pop_exp 0.75  init 0.1
training pairs  49
seconds         (time)
epochs          4
best epoch      4
history:
  epoch  loss  valid  seconds
  1  0.695111  -  (time)
  2  0.573438  -  (time)
  3  0.593696  -  (time)
  4  0.715388  -  (time)
> train p model=pop
name            p
kind            pop
params          window 0  half_life 0
training pairs  49
seconds         (time)
> set gnuplot=/no/such/gnuplot
json        no
progress    no
keep_going  yes
gnuplot     /no/such/gnuplot
> plot hist watch_ratio bins=10 size=60x16
           Distribution of watch_ratio (49 rows)
rows
7.56|                                                     |
    |  ****      ****      ****                           |
    |  ****      ****      ****                           |
    |  **** **** ****      **** **** ****                 |
    |  **** **** **** **** **** **** ****                 |
3.36|  **** **** **** **** **** **** **** **** **** ****  |
    |  **** **** **** **** **** **** **** **** **** ****  |
    |  **** **** **** **** **** **** **** **** **** ****  |
    |  **** **** **** **** **** **** **** **** **** ****  |
   0|  **** **** **** **** **** **** **** **** **** ****  |
    +-----------------------------------------------------+
  0.1038                     1.045                   1.986
                        watch_ratio
  * watch_ratio
column     watch_ratio
table      log
values     49
missing    0
from       0.14
to         1.95
bins       10
bin_width  0.181
warning: gnuplot program /no/such/gnuplot not found: drew the plot with the built-in text renderer
> plot loss size=60x16
           Training loss and validation per epoch
training loss
0.7154|                                                 **|
      |*                                              **  |
      | **                                          **    |
      |   **                                      **      |
      |     ***                                 **        |
0.6365|        **                            ***          |
      |          **                        **             |
      |            **                    **               |
      |              **        **********                 |
0.5734|                ********                           |
      +---------------------------------------------------+
       1                       2.5                       4
                           epoch
  * b loss
model  epochs  best_epoch  last_loss  metric
b           4           4     0.7154  -
warning: gnuplot program /no/such/gnuplot not found: drew the plot with the built-in text renderer
> plot lorenz k=2 size=60x18
  Lorenz curve of creator exposure, Gini: b 0.497, p 0.478
cumulative exposure share (%)
  100|                                                 .++|
     |                                           .....++* |
     |                                     ......   ++*   |
     |                                .....       +++     |
     |                          ......         +++**      |
44.44|                    ......           ++++*          |
     |               .....             ++++*              |
     |         ......           +++++++                   |
     |   ......         ++++++++                          |
    0|++++++++++++++++++                                  |
     +----------------------------------------------------+
      0                        50                      100
             creators, least exposed first (%)
  . equality
  * b (Gini 0.497)
  + p (Gini 0.478)
k  2
models:
  model  users  creators    gini
  b          8         8   0.497
  p          8         8  0.4779
warning: gnuplot program /no/such/gnuplot not found: drew the plot with the built-in text renderer
> set gnuplot=no-such-gnuplot-program
json        no
progress    no
keep_going  yes
gnuplot     no-such-gnuplot-program
> plot scores model=p size=60x16
    Predicted scores: held-out positives vs other items
share of the group's items (%)
30|++     ++                             **               |
  | +     ++                             **               |
  | +     ++                             **               |
  |*+     ++              ++             **      **       |
15| +     ++              ++             ++      **       |
  | +     ++              ++             ++      ++     **|
  | +     ++              ++             ++      ++     * |
  | +     ++              ++             ++      ++     * |
 0| ++++++++++++++++++++++++++++++++++++++++++++++++++++++|
  +-------------------------------------------------------+
   0                         3.5                         7
                           score
  * p held-out positives
  + p other items
users       8
test_users  8
models:
  model  positives  others  min  max
  p             10      21    0    7
warning: no-such-gnuplot-program not found on PATH (install gnuplot-nox, or set gnuplot=PATH): drew the plot with the built-in text renderer
> plot hist watch_ratio to=out.png size=400x300
                     Distribution of watch_ratio (49 rows)
rows
 6.48|                                                                        |
     |                                 **                                     |
     |                                 **                                     |
     |                                 **                                     |
     |                                 **                                     |
     |                                 **                                     |
     |                                 **                                     |
     |  ***              ***           **                                     |
     |  ***              ***           **                                     |
3.049|  *** **     ** ** ***           **     **     **     **                |
     |  *** **     ** ** ***           **     **     **     **                |
     |  *** **     ** ** ***           **     **     **     **                |
     |  *** ** *** ** ** *** ** ***    ** *** ** *** **     **    ***    ***  |
     |  *** ** *** ** ** *** ** ***    ** *** ** *** **     **    ***    ***  |
     |  *** ** *** ** ** *** ** *** ** ** *** ** *** **     ** ** *** ** ***  |
     |  *** ** *** ** ** *** ** *** ** ** *** ** *** **     ** ** *** ** ***  |
     |  *** ** *** ** ** *** ** *** ** ** *** ** *** **     ** ** *** ** ***  |
    0|  *** ** *** ** ** *** ** *** ** ** *** ** *** **     ** ** *** ** ***  |
     +------------------------------------------------------------------------+
   0.1038                               1.045                            1.986
                                  watch_ratio
  * watch_ratio
error: plot: no-such-gnuplot-program not found on PATH (install gnuplot-nox, or set gnuplot=PATH); nothing written (out.png needs gnuplot), the text above is the built-in rendering
> set gnuplot=gnuplot
json        no
progress    no
keep_going  yes
> plot hist duration bins=4 size=50x12
        Distribution of duration (10 items)
                     y: items
  5 +-----------------------------------------+
  4 |*+       +***********    +      +      ++|
  2 |*+       +*      +  *********************|
  0 +-----------------------------------------+
      10      20      30      40     50      60
                     duration
                  duration *******
column     duration
table      items
values     10
missing    0
from       8
to         60
bins       4
bin_width  13
