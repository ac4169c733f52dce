#!/usr/bin/python3
"""Kiln's CSV import and full profile against DuckDB and pandas on the same file, in one run.

usage: /usr/bin/python3 bench/import_vs_peers.py [--build build] [--rows 8600000] [--runs 3]
                                                 [--old-build DIR]

Makes the deterministic mixed CSV with ../shared/bench/gen_csv.py (8.6M rows ~ 1 GB) unless it
exists, then times, each in fresh processes with a warm page cache:
  kiln import FILE (into a fresh workspace each run; wall time, peak RSS),
  kiln stats (full profile of all columns, correlations included; cache emptied each run),
  DuckDB read_csv_auto with 2 threads and SUMMARIZE (../shared/bench/csv_duckdb.mjs),
  pandas.read_csv (../shared/bench/csv_pandas.py).
DuckDB's npm package is installed once into a copy of the peer folder under ~/.cache.
Checks Kiln's row count and per-column missing counts against the file's .meta.json, and prints
MB/s and the ratios (targets: import >= 2x DuckDB and >= 5x pandas MB/s; peak RSS <= file size;
profile faster than DuckDB's SUMMARIZE). With --old-build (an earlier checkout's build folder,
for example a `git worktree` of the last commit built with `cmake --build DIR --target kiln`),
its `kiln import` is timed the same way in the same run and printed beside, with its ratios.
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

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PEERS = os.path.join(os.path.dirname(ROOT), "shared", "bench")
CACHE = os.path.expanduser("~/.cache/kiln-bench/peers")


def peer_folder():
    if not os.path.isdir(os.path.join(CACHE, "node_modules", "@duckdb")):
        shutil.rmtree(CACHE, ignore_errors=True)
        shutil.copytree(PEERS, CACHE)
        subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=CACHE,
                       check=True, capture_output=True)
    return CACHE


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak RSS MiB, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - t0
    rss = next(int(l.split()[-1]) for l in p.stderr.splitlines() if "Maximum resident" in l) / 1024
    return seconds, rss, p.stdout


def kiln_runs(kiln, path, runs):
    imports, inprocess, profiles, rss, last = [], [], [], [], None
    for _ in range(runs):
        ws = tempfile.mkdtemp(prefix="kiln-bench-ws-")
        s, r, out = timed([kiln, "--workspace", ws, "import", path, "--name", "bench", "--json"])
        imports.append(s), rss.append(r)
        last = json.loads(out)["imports"][0]
        inprocess.append(last["seconds"])
        s, _, _ = timed([kiln, "--workspace", ws, "stats", "bench", "--json"])
        profiles.append(s)
        shutil.rmtree(ws)
    return imports, inprocess, profiles, rss, last


def check_meta(path, imported):
    meta = json.load(open(path + ".meta.json"))
    missing = {c["name"]: c["missing"] for c in imported["columns"]}
    return {"rows": imported["rows"] == meta["rows"],
            "missing_per_column": all(missing.get(k) == v for k, v in meta["missing"].items())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rows", type=int, default=8_600_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--file", default=None)
    ap.add_argument("--old-build", default=None)
    a = ap.parse_args()
    path = a.file or os.path.join(tempfile.gettempdir(), f"kiln_bench_{a.rows}.csv")
    if not os.path.exists(path):
        subprocess.run(["/usr/bin/python3", os.path.join(PEERS, "gen_csv.py"), "--rows", str(a.rows),
                        "--out", path], check=True, capture_output=True)
    mb = os.path.getsize(path) / 1e6
    kiln = os.path.join(a.build, "app", "cli", "kiln")
    imports, inprocess, profiles, rss, imported = kiln_runs(kiln, path, a.runs)
    peers = peer_folder()
    duck = json.loads(subprocess.run(["node", os.path.join(peers, "csv_duckdb.mjs"), path, "--runs",
                                      str(a.runs), "--threads", "2"], capture_output=True, text=True,
                                     check=True).stdout.strip().splitlines()[-1])
    pandas = json.loads(subprocess.run(["/usr/bin/python3", os.path.join(peers, "csv_pandas.py"), path,
                                        "--runs", str(a.runs), "--engines", "c"], capture_output=True, text=True,
                                       check=True).stdout.strip().splitlines()[-1])
    # pandas and DuckDB time the read inside a running interpreter; Kiln's in-process time is the
    # like-for-like figure, its wall time (with process start-up) is printed beside it.
    kiln_mbs = mb / statistics.median(inprocess)
    duck_mbs = duck["load_MB_per_s"]["median"]
    pandas_mbs = pandas["engines"]["c"]["MB_per_s"]["median"]
    out = {
        "bench": "import_vs_peers", "file": path, "MB": round(mb, 1),
        "kiln": {"import_s": [round(x, 2) for x in inprocess], "wall_s": [round(x, 2) for x in imports],
                 "MB_per_s": round(kiln_mbs, 1),
                 "peak_rss_MiB": round(max(rss)), "profile_s": [round(x, 2) for x in profiles]},
        "duckdb": {"MB_per_s": duck_mbs, "summarize_s": duck["summarize_seconds"]["median"]},
        "pandas": {"MB_per_s": pandas_mbs},
        "ratio_import_vs_duckdb": round(kiln_mbs / duck_mbs, 2) if duck_mbs else None,
        # issue 13's figure: `kiln import` as a whole process against DuckDB's load inside its own
        "ratio_whole_process_vs_duckdb":
            round(mb / statistics.median(imports) / duck_mbs, 2) if duck_mbs else None,
        "ratio_import_vs_pandas": round(kiln_mbs / pandas_mbs, 2) if pandas_mbs else None,
        "ratio_profile_vs_summarize": round(duck["summarize_seconds"]["median"] / statistics.median(profiles), 2),
        "rss_vs_file": round(max(rss) * 1048576 / (mb * 1e6), 2),
        "correct_vs_meta": check_meta(path, imported),
    }
    if a.old_build:
        old_kiln = os.path.join(a.old_build, "app", "cli", "kiln")
        o_imports, o_inprocess, _, o_rss, _ = kiln_runs(old_kiln, path, a.runs)
        out["old_build"] = {
            "import_s": [round(x, 2) for x in o_inprocess], "wall_s": [round(x, 2) for x in o_imports],
            "peak_rss_MiB": round(max(o_rss)),
            "ratio_whole_process_vs_duckdb":
                round(mb / statistics.median(o_imports) / duck_mbs, 2) if duck_mbs else None,
            "new_vs_old_whole_process": round(statistics.median(o_imports) / statistics.median(imports), 2)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    sys.exit(main())
