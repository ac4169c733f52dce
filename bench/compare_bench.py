#!/usr/bin/env python3
"""Runs kiln_catalog_bench on a fresh synthetic workspace and prints its figures.

Usage: bench/compare_bench.py [BUILD_DIR] [--epoch-runs N] [--step-runs N] [--cold N]
Targets (issue 7): runs table < 1 s, each compare's curves < 1 s, recording 10,000 metric
points a second < 5% of a CPU core; issue 13: 20 step-level runs < 1 s from the summary pyramid
and < 0.2 s at 100 (--step-runs 100). Each compare is timed from the pyramid and again with the
pyramid deleted (every point read, the path before schema 4), in the same run. --cold N then
reads the step-level compare N times more, each in a fresh process: once with the OS page cache
dropped (needs a writable /proc/sys/vm/drop_caches) and once with it warm.
"""
import argparse, json, os, subprocess, sys, tempfile

def fresh_read(exe, ws, a, drop):
    """The step-level compare read again in a fresh process; the page cache dropped first if `drop`."""
    if drop:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("1\n")
    out = subprocess.run([exe, ws, str(a.epoch_runs), str(a.step_runs), "reuse"], check=True,
                         capture_output=True, text=True).stdout
    return drop, json.loads(out)["compare_20_step_runs"]["seconds"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build", nargs="?", default="build")
    ap.add_argument("--epoch-runs", type=int, default=1000)
    ap.add_argument("--step-runs", type=int, default=20)
    ap.add_argument("--cold", type=int, default=0, metavar="N")
    a = ap.parse_args()
    exe = os.path.join(a.build, "bench", "kiln_catalog_bench")
    with tempfile.TemporaryDirectory() as ws:
        out = subprocess.run([exe, ws, str(a.epoch_runs), str(a.step_runs)], check=True,
                             capture_output=True, text=True).stdout
        size = os.path.getsize(os.path.join(ws, "kiln.db"))
        size += sum(os.path.getsize(os.path.join(ws, f)) for f in os.listdir(ws) if f.startswith("kiln.db-"))
        fresh = [fresh_read(exe, ws, a, drop) for _ in range(a.cold) for drop in (True, False)]
    r = json.loads(out)
    share = r["live_10000_points_cpu_seconds"]
    print(f"points written           {r['points_written']:,.0f} in {r['write_wall_seconds']:.1f} s"
          f" = {r['points_per_second']:,.0f} points/s")
    print(f"CPU per 10,000 points    {r['write_cpu_seconds_per_10000_points']*1000:.1f} ms (bulk),"
          f" {share*1000:.1f} ms live (batches of 500) = {share*100:.2f}% of a core at 10k points/s"
          f" (target < 5%)")
    print(f"catalog size             {size/1e6:.0f} MB")
    print(f"runs table               {r['runs_table_rows']} rows with params and final metrics in"
          f" {r['runs_table_seconds']*1000:.0f} ms (target < 1 s)")
    steps = a.step_runs
    for key, label in (("compare_50_epoch_runs", "50 epoch-level runs"),
                       (f"compare_20_step_runs", f"{steps} step-level runs")):
        c, raw = r[key], r[key + "_raw"]
        print(f"compare {label:20s} {c['series']} series, {c['stored_points']:,} points stood for,"
              f" {c['drawn_points']:,} drawn (1,000 px) in {c['seconds']*1000:.0f} ms;"
              f" every point read: {raw['seconds']*1000:.0f} ms ({raw['drawn_points']:,} drawn),"
              f" {raw['seconds']/max(c['seconds'], 1e-9):.1f}x")
    for drop in (True, False):
        times = [t for d, t in fresh if d == drop]
        if times:
            print(f"fresh process, page cache {'dropped' if drop else 'warm   '}: {steps} step-level runs in"
                  f" {', '.join(f'{t*1000:.0f}' for t in times)} ms")
    return 0

if __name__ == "__main__":
    sys.exit(main())
