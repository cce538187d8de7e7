#!/usr/bin/env python3
"""Compares cskpi's headline KPIs with the DuckDB peer's: bench/compare.py CSKPI.csv DUCKDB.csv

Both files have the columns kind, week, key, value. Every (kind, week, key) must be in both,
and the values must agree to 1e-9 relative (1e-6 absolute for values near 0). Exits 1 and
lists the first differences otherwise.
"""
import csv
import math
import sys


def read(path):
    with open(path, newline="") as f:
        rows = {}
        for row in csv.DictReader(f):
            key = (row["kind"], row["week"], row["key"])
            if key in rows:
                sys.exit(f"compare: {path}: {key} appears twice")
            rows[key] = float(row["value"])
        return rows


def main():
    ours, peer = read(sys.argv[1]), read(sys.argv[2])
    problems = []
    for key in sorted(set(ours) | set(peer)):
        if key not in peer:
            problems.append(f"only in cskpi:  {key} = {ours[key]}")
        elif key not in ours:
            problems.append(f"only in duckdb: {key} = {peer[key]}")
        elif not math.isclose(ours[key], peer[key], rel_tol=1e-9, abs_tol=1e-6):
            problems.append(f"differs: {key}: cskpi {ours[key]!r} duckdb {peer[key]!r}")
    kinds = sorted({k[0] for k in ours})
    if problems:
        print(f"compare: {len(problems)} of {len(set(ours) | set(peer))} values DISAGREE", file=sys.stderr)
        for p in problems[:20]:
            print("  " + p, file=sys.stderr)
        sys.exit(1)
    print(f"compare: all {len(ours)} values agree ({', '.join(kinds)})")


if __name__ == "__main__":
    main()
