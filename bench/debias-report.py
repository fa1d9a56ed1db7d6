#!/usr/bin/env python3
"""Markdown tables of debias check results (reelscope --json lines on stdin); used by debias.sh."""
import json
import sys


def fmt(x):
    return "-" if x is None else f"{x:.4f}"


def main():
    name = sys.argv[1]
    for line in sys.stdin:
        o = json.loads(line)
        if o.get("ok") is False:
            print(f"error in {o.get('command')}: {o.get('error')}", file=sys.stderr)
            continue
        if o.get("command") != "debias":
            continue
        print(f"\n{name}: {o['metric']}, propensities {o['propensity']}\n")
        print("| model | truth | naive | err | ips | err | snips | err | users | pairs |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for m in o["models"]:
            print(f"| {m['model']} | {fmt(m['truth'])} | {fmt(m['naive'])} | {fmt(m['naive_error'])} | "
                  f"{fmt(m['ips'])} | {fmt(m['ips_error'])} | {fmt(m['snips'])} | "
                  f"{fmt(m['snips_error'])} | {m['users']} | {m['pairs']} |")
        t = o["tau"]
        print(f"\nKendall tau vs truth: naive {fmt(t['naive'])}, ips {fmt(t['ips'])}, "
              f"snips {fmt(t['snips'])}")


main()
