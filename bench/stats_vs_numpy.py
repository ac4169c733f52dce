#!/usr/bin/python3
"""Kiln's numeric profile against numpy on the same 10M-row float64 column, in one run.

usage: /usr/bin/python3 bench/stats_vs_numpy.py [--build build] [--rows 10000000] [--runs 5]

Runs ../shared/bench/stats_numpy.py (which saves the column as .npy and prints numpy's and
pandas' times and reference values), then build/bench/kiln_stats_bench on the same bytes.
Prints Kiln's figures, the ratio numpy_ms / kiln_ms (target: >= 5), and whether Kiln's
statistics agree: mean and std within 1e-9 relative, quantiles and histogram counts exact.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(os.path.dirname(ROOT), "shared", "bench")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--column", default=os.path.join(tempfile.gettempdir(), "kiln_bench_column.npy"))
    a = ap.parse_args()

    peer = json.loads(subprocess.run(
        ["/usr/bin/python3", os.path.join(PEERS, "stats_numpy.py"), "--rows", str(a.rows),
         "--runs", str(a.runs), "--save", a.column],
        check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])
    kiln = json.loads(subprocess.run(
        [os.path.join(a.build, "bench", "kiln_stats_bench"), a.column, str(a.runs)],
        check=True, capture_output=True, text=True).stdout)
    ref = peer["reference_values"]
    numpy_ms = peer["variants"]["numpy"]["ms_per_column"]["median"]
    pandas_ms = peer["variants"]["pandas"]["ms_per_column"]["median"]
    agree = {
        "count": kiln["count"] == ref["count"] and kiln["missing"] == ref["missing"],
        "mean_rel_1e-9": abs(kiln["mean"] - ref["mean"]) <= 1e-9 * abs(ref["mean"]),
        "std_rel_1e-9": abs(kiln["std_ddof1"] - ref["std_ddof1"]) <= 1e-9 * abs(ref["std_ddof1"]),
        "min_max": kiln["min"] == ref["min"] and kiln["max"] == ref["max"],
        "quantiles_exact": kiln["quantiles"] == list(ref["quantiles"].values()),
        "histogram_exact": kiln["hist_counts"] == ref["hist_counts"],
    }
    print(json.dumps({
        "bench": "stats_vs_numpy", "rows": a.rows,
        "kiln_ms": round(kiln["ms_median"], 1), "numpy_ms": numpy_ms, "pandas_ms": pandas_ms,
        "ratio_numpy_over_kiln": round(numpy_ms / kiln["ms_median"], 2),
        "ratio_pandas_over_kiln": round(pandas_ms / kiln["ms_median"], 2),
        "target_ratio": 5, "agrees_with_numpy": agree,
    }, indent=1))
    return 0 if all(agree.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
