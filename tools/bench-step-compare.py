#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compares two builds of tests/bench-ch (before, after) in one run.

Usage: bench-step-compare.py BEFORE AFTER [--grids 128,256,1024]
       [--mobility both] [--threads 1] [--rounds 5] [--seconds 1.5]

For every grid, mobility and thread count the two programs run
alternately (before, after, after, before, …) ROUNDS times each, so that
load from elsewhere falls on both alike.  Each run prints the median of its
per-pair step/floor ratios (bench-ch --tsv).  Reported per configuration:
the median over the rounds of each build's ratio (CPU time, then wall),
and of after/before for the CPU milliseconds per step, each with its
smallest and largest round in brackets.
"""
import argparse
import statistics
import subprocess
import sys


def run(binary, grid, mobility, threads, seconds):
    out = subprocess.run(
        [binary, "--steps-only", "--tsv", "--grids", str(grid), "--mobility", mobility,
         "--threads", str(threads), "--seconds", str(seconds)],
        check=True, capture_output=True, text=True).stdout
    rows = [line.split("\t") for line in out.splitlines() if line.startswith("tsv\t")]
    if len(rows) != 1:
        sys.exit(f"bench-step-compare: {binary} printed {len(rows)} result lines")
    r = rows[0]
    return {"ms_cpu": float(r[9]), "ratio_cpu": float(r[11]),
            "ms_wall": float(r[4]), "ratio_wall": float(r[6])}


def spread(values, fmt="{:.2f}"):
    return (fmt.format(statistics.median(values)) + " [" + fmt.format(min(values)) + "–"
            + fmt.format(max(values)) + "]")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--grids", default="128,256,512,1024")
    ap.add_argument("--mobility", default="both", choices=["site", "constant", "both"])
    ap.add_argument("--threads", default="1")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=1.5)
    a = ap.parse_args()
    mobilities = ["site", "constant"] if a.mobility == "both" else [a.mobility]

    print("grid  mobility  thr  step/floor CPU before   after            "
          "wall before       after             after/before ms/step (CPU)")
    for grid in a.grids.split(","):
        for mobility in mobilities:
            for threads in a.threads.split(","):
                res = {"before": [], "after": []}
                for r in range(a.rounds):
                    order = ["before", "after"] if r % 2 == 0 else ["after", "before"]
                    for which in order:
                        res[which].append(run(getattr(a, which), grid, mobility, threads,
                                              a.seconds))
                b, f = res["before"], res["after"]
                speed = [x["ms_cpu"] / y["ms_cpu"] for x, y in zip(f, b)]
                print(f"{grid:>5} {mobility:<9} {threads:>3}  "
                      f"{spread([x['ratio_cpu'] for x in b]):<17} "
                      f"{spread([x['ratio_cpu'] for x in f]):<17} "
                      f"{spread([x['ratio_wall'] for x in b]):<17} "
                      f"{spread([x['ratio_wall'] for x in f]):<17} "
                      f"{spread(speed)}", flush=True)


if __name__ == "__main__":
    main()
