#!/usr/bin/python3
"""kiln monitor on 1M new rows x 20 columns against a model's 1M-row training data.

usage: /usr/bin/python3 bench/monitor_bench.py [--build build] [--rows 1000000] [--runs 3]
       [--keep DIR]

Writes a reference and a current CSV (12 float, 2 integer, 1 date, 4 categorical and 1 boolean
column, plus the target; in the current data two columns are shifted), imports the reference,
trains a linear model on it (1 epoch) and registers it, imports the current data, then times:
  - the whole `kiln monitor MODEL DATA --json --no-save` process (median of --runs), and
  - the core alone (build/bench/kiln_monitor_bench: monitorTables, and monitorModel with the
    prediction drift), in one process.
Target: the whole process under 5 s on a 2-core machine. Prints one JSON document.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CATEGORIES = [["a", "b", "c"], ["north", "south", "east", "west"], ["s", "m", "l", "xl", "xxl"],
              [f"k{i}" for i in range(12)]]


def write_csv(path, rows, seed, shifted):
    """20 columns and the target y; `shifted` moves x0 by 0.3 sd and tilts c0."""
    rng = np.random.default_rng(seed)
    cols = {}
    for i in range(12):
        cols[f"x{i}"] = rng.normal(0.3 if shifted and i == 0 else 0.0, 1.0, rows)
    cols["n0"] = rng.integers(0, 100, rows)
    cols["n1"] = rng.poisson(3, rows)
    cols["day"] = np.datetime64("2024-01-01") + rng.integers(0, 365, rows).astype("timedelta64[D]")
    for i, values in enumerate(CATEGORIES):
        p = None
        if shifted and i == 0:
            p = [0.2, 0.3, 0.5]
        cols[f"c{i}"] = np.asarray(values)[rng.choice(len(values), rows, p=p)]
    cols["flag"] = np.where(rng.random(rows) < 0.3, "true", "false")
    score = cols["x0"] + 0.5 * cols["x1"] - 0.2 * cols["n1"] + rng.normal(0, 0.5, rows)
    cols["y"] = np.where(score > 0, "yes", "no")
    with open(path, "w") as f:
        f.write(",".join(cols) + "\n")
        text = {k: (np.char.mod("%.5f", v) if v.dtype.kind == "f" else v.astype(str)) for k, v in cols.items()}
        block = 100_000
        for start in range(0, rows, block):
            parts = [text[k][start:start + block] for k in cols]
            f.write("\n".join(",".join(r) for r in zip(*parts)) + "\n")


def run(cmd):
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return time.perf_counter() - t, out.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep", help="prepare the workspace in DIR and keep it (reused when it is there)")
    a = ap.parse_args()
    kiln = os.path.join(a.build, "app", "cli", "kiln")
    core = os.path.join(a.build, "bench", "kiln_monitor_bench")
    tmp = a.keep or tempfile.mkdtemp(prefix="kiln-monitor-bench-")
    ws = os.path.join(tmp, "ws")
    figures = {"bench": "monitor", "rows": a.rows, "columns": 20}
    if not os.path.exists(os.path.join(ws, "kiln.db")):
        os.makedirs(tmp, exist_ok=True)
        ref_csv, cur_csv = os.path.join(tmp, "reference.csv"), os.path.join(tmp, "current.csv")
        t = time.perf_counter()
        write_csv(ref_csv, a.rows, 1, False)
        write_csv(cur_csv, a.rows, 2, True)
        figures["generate_s"] = round(time.perf_counter() - t, 2)
        figures["import_reference_s"] = round(run([kiln, "--workspace", ws, "import", ref_csv, "--name", "ref"])[0], 2)
        train_s, out = run([kiln, "--workspace", ws, "train", "ref", "--target", "y", "--model", "linear",
                            "--epochs", "1", "--json"])
        figures["train_s"] = round(train_s, 2)
        run_id = json.loads(out)["run_id"]
        figures["register_s"] = round(run([kiln, "--workspace", ws, "model", "register", run_id,
                                           "--name", "bench"])[0], 2)
        figures["import_current_s"] = round(run([kiln, "--workspace", ws, "import", cur_csv, "--name", "cur"])[0], 2)
    seconds, report = [], None
    for _ in range(a.runs):
        s, out = run([kiln, "--workspace", ws, "monitor", "bench", "cur", "--json", "--no-save"])
        seconds.append(s)
        report = json.loads(out)
    figures["kiln_monitor_process_s_median"] = round(statistics.median(seconds), 3)
    figures["kiln_monitor_process_s"] = [round(s, 3) for s in seconds]
    figures["columns_compared"] = report["columns_compared"]
    figures["drifted"] = [c["column"] for c in report["columns"] if c["drifted"]]
    figures["prediction"] = report["prediction"] and {k: report["prediction"][k] for k in ("test", "effect", "drifted")}
    figures["core"] = json.loads(run([core, ws, "bench", "cur", str(a.runs)])[1])
    figures["target_s"] = 5
    figures["meets_target"] = figures["kiln_monitor_process_s_median"] < 5
    print(json.dumps(figures, indent=1))
    if not a.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0 if figures["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
