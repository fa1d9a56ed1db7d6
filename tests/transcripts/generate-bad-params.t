# generate refuses impossible parameters with one clear error each and writes
# nothing: after every failed command `load w1` says the folder does not exist
# (no half-written world, no temporary sibling named w1 either).
# exit: 1
> generate w1 users=0
error: generate: users=0 is out of range (1 to 10,000,000)
> load w1
error: cannot open w1: No such file or directory
> generate w1 videos=0
error: generate: videos=0 is out of range (1 to 10,000,000)
> load w1
error: cannot open w1: No such file or directory
> generate w1 videos=5 creators=6
error: generate: creators cannot outnumber videos (every creator posts at least one); nothing written
> load w1
error: cannot open w1: No such file or directory
> generate w1 users=40 videos=80 creators=81
error: generate: creators cannot outnumber videos (every creator posts at least one); nothing written
> load w1
error: cannot open w1: No such file or directory
> generate w1 dup=-0.1
error: generate: dup=-0.1 is out of range (0 to 0.5)
> load w1
error: cannot open w1: No such file or directory
> generate w1 bots=-1
error: generate: bots=-1 is out of range (0 to 0.5)
> load w1
error: cannot open w1: No such file or directory
> generate w1 outliers=0.6
error: generate: outliers=0.6 is out of range (0 to 0.5)
> load w1
error: cannot open w1: No such file or directory
> generate w1 observed_fill=0.5
error: generate: observed_fill=0.5 is out of range (0.99 to 1)
> load w1
error: cannot open w1: No such file or directory
> generate w1 observed_users=1.5
error: generate: observed_users=1.5 is out of range (0 to 1)
> load w1
error: cannot open w1: No such file or directory
> generate w1 seed=abc
error: generate: seed="abc" is not a whole number
> load w1
error: cannot open w1: No such file or directory
> generate w1 seed=1.5
error: generate: seed="1.5" is not a whole number
> load w1
error: cannot open w1: No such file or directory
> generate w1 days=0
error: generate: days=0 is out of range (1 to 3,650)
> load w1
error: cannot open w1: No such file or directory
> generate w1 events=0
error: generate: events=0 is out of range (1 to 1,000,000)
> load w1
error: cannot open w1: No such file or directory
> generate w1 events=nan
error: generate: events="nan" is not a number
> load w1
error: cannot open w1: No such file or directory
> generate w1 malformed=1001
error: generate: malformed=1001 is out of range (0 to 1,000)
> load w1
error: cannot open w1: No such file or directory
> generate w1 labels=maybe
error: generate: labels="maybe" must be yes or no
> load w1
error: cannot open w1: No such file or directory
> generate w1 start=2020-13-45
error: generate: start=2020-13-45 must be a date YYYY-MM-DD; nothing written
> load w1
error: cannot open w1: No such file or directory
> generate w1 user=40
error: generate: unknown option user (did you mean users?)
> load w1
error: cannot open w1: No such file or directory
> generate w1 colour=red
error: generate: unknown option colour (options: seed, users, videos, creators, days, start, factors, events, pop_bias, personalization, new_creators, observed_users, observed_videos, observed_fill, dup, bots, outliers, missing_duration, missing_category, bad_time, malformed, drift, labels, truth, compress, plays; flags: --clean, --force, --load)
> load w1
error: cannot open w1: No such file or directory
> generate w1 --quiet
error: generate: unknown flag --quiet (flags: --clean, --force, --load)
> load w1
error: cannot open w1: No such file or directory
> generate w drift=-1
error: generate: drift=-1 is out of range (0 to 1)
> generate w drift=abc
error: generate: drift="abc" is not a number
> generate w plays=maybe
error: generate: plays="maybe" must be yes or no
