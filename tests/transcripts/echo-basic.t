# echo prints its words joined by single spaces (scripts explain themselves with it); quoted text keeps its ; and #.
> echo Chapter 1: the data
Chapter 1: the data
> echo "a; b # c"
a; b # c
> echo

