#!/usr/bin/env python3
"""Compare a transcript's expected and actual output with numbers as numbers.

Used by tests/run-transcript.sh when a transcript declares "# tolerance: REL
[abs=ABS]". Lines must match one for one. Command lines ("> ...") and every
piece of text compare exactly, except that runs of blanks count as one blank
(a number printed one digit longer shifts a table's alignment). Numbers
written with a decimal point or an exponent compare within the tolerance:

    |a - b| <= max(REL * max(|a|, |b|), ABS)

Integers on both sides (counts, ids, ranks, each group of "3,447,971") stay
exact, and so does the count of numbers on a line; a real printed without a
fraction by %g ("1" for 0.99999) still compares as a real against a real. Exit 0 when the outputs
agree, 1 with one line per mismatch (at most 20) on stdout otherwise.
"""
import math
import re
import sys

# a number: optional sign, digits with an optional fraction (or a bare
# fraction), optional exponent; also inf/nan as printf writes them
NUMBER = re.compile(r'([-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?\b(?:inf|nan)\b)')


def pieces(line):
    """Split a line into text pieces (blanks collapsed) and number pieces."""
    parts = NUMBER.split(line)
    text = [re.sub(r'\s+', ' ', p) for p in parts[0::2]]
    text[0] = text[0].lstrip()
    text[-1] = text[-1].rstrip()
    return text, parts[1::2]


def is_real(token):
    """A number subject to the tolerance: has a fraction or an exponent."""
    return any(c in token for c in '.eE') or token.lstrip('+-') in ('inf', 'nan')


def numbers_agree(want, got, rel, floor):
    if not (is_real(want) or is_real(got)):
        return want == got
    a, b = float(want), float(got)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= max(rel * max(abs(a), abs(b)), floor)


def line_mismatch(want, got, rel, floor):
    """None when the lines agree, else a short reason."""
    if want == got:
        return None
    if want.startswith('> ') or got.startswith('> '):
        return 'command lines differ'
    wt, wn = pieces(want)
    gt, gn = pieces(got)
    if wt != gt or len(wn) != len(gn):
        return 'text differs'
    for a, b in zip(wn, gn):
        if not numbers_agree(a, b, rel, floor):
            return '%s vs %s is outside the tolerance' % (a, b)
    return None


def main(argv):
    if len(argv) != 5:
        sys.stderr.write('usage: numcmp.py REL ABS EXPECTED ACTUAL\n')
        return 2
    rel, floor = float(argv[1]), float(argv[2])
    with open(argv[3], encoding='utf-8', errors='surrogateescape') as f:
        want = f.read().split('\n')
    with open(argv[4], encoding='utf-8', errors='surrogateescape') as f:
        got = f.read().split('\n')
    if len(want) != len(got):
        print('expected %d lines, got %d' % (len(want), len(got)))
        return 1
    bad = 0
    for no, (w, g) in enumerate(zip(want, got), 1):
        why = line_mismatch(w, g, rel, floor)
        if why:
            bad += 1
            if bad <= 20:
                print('line %d: %s (tolerance %g, floor %g)' % (no, why, rel, floor))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
