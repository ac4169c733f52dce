#!/usr/bin/python3
"""kiln import of one generated table as CSV and as JSON Lines, each as a whole process.

Usage: /usr/bin/python3 bench/jsonl_vs_csv.py [--kiln build/app/cli/kiln] [--rows 1000000] [--repeat 3]

The table mixes the column kinds of real exports: integers, floats, booleans, dates, a category,
free text and codes with leading zeros. pandas writes both files (to_csv and
to_json(orient="records", lines=True)); each import runs in a fresh workspace, best of --repeat
wall-clock times. Prints both times, the rows per second and the ratio CSV time / JSONL time
(the target: at least 0.5).
"""
import argparse
import os
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd


def make_table(rows, seed=7):
    rng = np.random.default_rng(seed)
    days = pd.to_datetime("2020-01-01") + pd.to_timedelta(rng.integers(0, 1500, rows), unit="D")
    return pd.DataFrame({
        "id": np.arange(rows),
        "amount": np.round(rng.normal(100, 30, rows), 3),
        "ratio": rng.random(rows),
        "count": rng.integers(0, 1000, rows),
        "flag": rng.random(rows) < 0.3,
        "day": days.strftime("%Y-%m-%d"),
        "city": rng.choice(["Seoul", "Busan", "Lyon", "Porto", "Quito"], rows),
        "code": [f"{x:05d}" for x in rng.integers(0, 99999, rows)],
        "comment": [f"note {x} about item" for x in rng.integers(0, 10**6, rows)],
    })


def time_import(kiln, path, repeat):
    best = float("inf")
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as ws:
            start = time.perf_counter()
            subprocess.run([kiln, "import", path, "--workspace", ws, "--json"], check=True,
                           stdout=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiln", default="build/app/cli/kiln")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        table = make_table(args.rows)
        csv = os.path.join(tmp, "table.csv")
        jsonl = os.path.join(tmp, "table.jsonl")
        table.to_csv(csv, index=False)
        table.to_json(jsonl, orient="records", lines=True)
        csv_s = time_import(args.kiln, csv, args.repeat)
        jsonl_s = time_import(args.kiln, jsonl, args.repeat)
        for name, path, seconds in (("csv", csv, csv_s), ("jsonl", jsonl, jsonl_s)):
            mib = os.path.getsize(path) / 2**20
            print(f"{name:6s} {seconds:7.3f} s  {args.rows / seconds:12,.0f} rows/s  {mib:8.1f} MiB")
        print(f"ratio (csv time / jsonl time): {csv_s / jsonl_s:.2f}")


if __name__ == "__main__":
    main()
