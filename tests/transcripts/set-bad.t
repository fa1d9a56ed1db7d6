# set's bad values: each a one-line error naming the option and the range,
# and the setting stays as it was (set shows gnuplot_timeout only when it is
# not the default).
# exit: 1
> set gnuplot_timeout=5
json             no
progress         no
keep_going       yes
gnuplot_timeout  5
> set gnuplot_timeout=0
error: set: gnuplot_timeout=0 is out of range (1 to 86,400)
> set gnuplot_timeout=abc
error: set: gnuplot_timeout="abc" is not a whole number
> set gnuplot_timeout=86401
error: set: gnuplot_timeout=86401 is out of range (1 to 86,400)
> set json=maybe
error: set: json="maybe" must be yes or no
> set
json             no
progress         no
keep_going       yes
gnuplot_timeout  5
