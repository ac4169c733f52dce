#!/usr/bin/python3
"""Start-up of the `kiln` front end against kiln-engine (the all-in-one binary every verb used to
start), whole process, on a workspace of 100 datasets and 1,000 runs.

usage: /usr/bin/python3 bench/startup.py [--build BUILD] [--repeat 10]

The workspace: 100 small CSV tables imported in one `kiln import` (each with 200 rows of five
columns), and 1,000 completed runs with three metrics over 1,000 epochs written by
kiln_catalog_bench (what a long-lived workspace's catalog holds). Then each of `kiln --version`,
`kiln datasets`, `kiln runs` and `kiln show DS` runs --repeat times through each binary,
interleaved; the medians of wall time per whole process, their ratio, and the target (under
50 ms for the front end). Prints a line per verb and one JSON line last.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make_workspace(build, ws):
    tables = os.path.join(ws, "tables")
    os.makedirs(tables)
    files = []
    for d in range(100):
        path = os.path.join(tables, f"table{d:03d}.csv")
        with open(path, "w") as f:
            f.write("id,x,y,colour,label\n")
            for r in range(200):
                f.write(f"{r},{(r * 7 + d) % 101 / 10},{(r * 13) % 17},{'rgb'[r % 3]},{r % 2}\n")
        files.append(path)
    kiln = os.path.join(build, "app", "cli", "kiln")
    subprocess.run([kiln, "--workspace", os.path.join(ws, "w"), "import", *files],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run([os.path.join(build, "bench", "kiln_catalog_bench"), os.path.join(ws, "w"), "1000", "0"],
                   check=True, stdout=subprocess.DEVNULL)


def timed(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    front = os.path.join(args.build, "app", "cli", "kiln")
    engine = os.path.join(args.build, "app", "cli", "kiln-engine")
    tmp = tempfile.mkdtemp(prefix="kiln-bench-startup-")
    try:
        make_workspace(args.build, tmp)
        w = ["--workspace", os.path.join(tmp, "w")]
        verbs = {"--version": ["--version"], "datasets": w + ["datasets"], "runs": w + ["runs"],
                 "show DS": w + ["show", "table042"]}
        results = {}
        for name, rest in verbs.items():
            times = {"kiln": [], "engine": []}
            for _ in range(args.repeat):
                times["kiln"].append(timed([front, *rest]))
                times["engine"].append(timed([engine, *rest]))
            k, e = statistics.median(times["kiln"]), statistics.median(times["engine"])
            results[name] = {"kiln_ms": round(1000 * k, 1), "engine_ms": round(1000 * e, 1),
                             "speedup": round(e / k, 1), "target_met": k < 0.050}
            print(f"kiln {name:10s} {1000 * k:7.1f} ms   old (kiln-engine) {1000 * e:7.1f} ms   "
                  f"{e / k:5.1f}x   target < 50 ms -> {'met' if k < 0.050 else 'NOT met'}", flush=True)
        print(json.dumps({"bench": "startup", "repeat": args.repeat, "datasets": 100, "runs": 1000,
                          "results": results}))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
