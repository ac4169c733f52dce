#!/usr/bin/python3
"""Kiln's Parquet import against DuckDB's read_parquet on the same snappy Parquet file.

usage: /usr/bin/python3 bench/parquet_vs_duckdb.py [--build build] [--rows 8600000] [--runs 3]

Makes the deterministic mixed CSV with ../shared/bench/gen_csv.py (8.6M rows ~ 1 GB as CSV;
--rows for a smaller one) unless it exists, lets DuckDB write it as snappy Parquet (its default
row groups), then times, each in fresh processes with a warm page cache:
  kiln import FILE.parquet as a whole process (fresh workspace each run; wall time, peak RSS),
  DuckDB CREATE TABLE t AS SELECT * FROM read_parquet(FILE) with 2 threads (load time inside
  its process, so DuckDB's start-up is not counted; Kiln's whole process is, the light front end's
  start-up about 20 ms).
Checks Kiln's row count and per-column missing counts against DuckDB's, and prints both
times, the ratio (target: Kiln at least 1.0x DuckDB) and Kiln's peak RSS against the file size
(target: at most the file size), with the load average so a busy machine shows.
DuckDB's npm package is installed once into a copy of the peer folder under ~/.cache.
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

# Run by node in the peer folder: `write CSV PARQUET` or `load PARQUET THREADS`.
DUCKDB_SCRIPT = r"""
import { DuckDBInstance } from '@duckdb/node-api';
const [mode, a, b] = process.argv.slice(2);
const db = await DuckDBInstance.create(':memory:', mode === 'load' ? { threads: b } : {});
const con = await db.connect();
if (mode === 'write') {
  await con.run(`COPY (SELECT * FROM read_csv_auto('${a}')) TO '${b}' (FORMAT parquet, COMPRESSION snappy)`);
} else {
  const t0 = performance.now();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${a}')`);
  const seconds = (performance.now() - t0) / 1000;
  const cols = (await con.runAndReadAll(`DESCRIBE t`)).getRowObjects().map((r) => r.column_name);
  const counts = cols.map((c) => `count(*) - count("${c}") AS "${c}"`).join(', ');
  const missing = (await con.runAndReadAll(`SELECT count(*) AS rows, ${counts} FROM t`)).getRowObjects()[0];
  const out = {};
  for (const [k, v] of Object.entries(missing)) out[k] = Number(v);
  console.log(JSON.stringify({ seconds, rows: out.rows, missing: Object.fromEntries(cols.map((c) => [c, out[c]])) }));
}
"""


def peer_folder():
    if not os.path.isdir(os.path.join(CACHE, "node_modules", "@duckdb")):
        shutil.rmtree(CACHE, ignore_errors=True)
        shutil.copytree(PEERS, CACHE)
        subprocess.run(["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=CACHE,
                       check=True, capture_output=True)
    script = os.path.join(CACHE, "parquet_duckdb.mjs")
    with open(script, "w") as f:
        f.write(DUCKDB_SCRIPT)
    return script


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak RSS MiB, stdout)."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed: {p.stderr[-2000:]}")
    rss = next(int(l.split()[-1]) for l in p.stderr.splitlines() if "Maximum resident" in l) / 1024
    return seconds, rss, p.stdout


def kiln_runs(kiln, path, runs):
    seconds, rss, last = [], [], None
    for _ in range(runs):
        ws = tempfile.mkdtemp(prefix="kiln-bench-ws-")
        s, r, out = timed([kiln, "--workspace", ws, "import", path, "--name", "bench", "--json"])
        seconds.append(s), rss.append(r)
        last = json.loads(out)["imports"][0]
        shutil.rmtree(ws, ignore_errors=True)
    return seconds, rss, last


def duckdb_runs(script, path, runs):
    seconds, last = [], None
    for _ in range(runs):
        out = subprocess.run(["node", script, "load", path, "2"], capture_output=True, text=True, check=True)
        last = json.loads(out.stdout.strip().splitlines()[-1])
        seconds.append(last["seconds"])
    return seconds, last


def agrees(kiln, duck):
    missing = {c["name"]: c["missing"] for c in kiln.get("columns", [])}
    return {"rows": kiln.get("rows") == duck["rows"],
            "missing_per_column": bool(missing) and all(missing.get(k) == v for k, v in duck["missing"].items())}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rows", type=int, default=8_600_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    csv = os.path.join(tempfile.gettempdir(), f"kiln_bench_{a.rows}.csv")
    parquet = csv[:-4] + ".parquet"
    script = peer_folder()
    if not os.path.exists(csv):
        subprocess.run(["/usr/bin/python3", os.path.join(PEERS, "gen_csv.py"), "--rows", str(a.rows),
                        "--out", csv], check=True, capture_output=True)
    if not os.path.exists(parquet):
        subprocess.run(["node", script, "write", csv, parquet], check=True, capture_output=True)
    mb = os.path.getsize(parquet) / 1e6
    load_before = os.getloadavg()
    kiln = os.path.join(a.build, "app", "cli", "kiln")
    k_s, k_rss, imported = kiln_runs(kiln, parquet, a.runs)
    d_s, duck = duckdb_runs(script, parquet, a.runs)
    k, d = statistics.median(k_s), statistics.median(d_s)
    result = {
        "bench": "parquet_vs_duckdb", "rows": a.rows, "parquet_mb": round(mb, 1),
        "csv_mb": round(os.path.getsize(csv) / 1e6, 1),
        "kiln_import_s": [round(x, 3) for x in k_s], "duckdb_load_s": [round(x, 3) for x in d_s],
        "kiln_median_s": round(k, 3), "duckdb_median_s": round(d, 3),
        "kiln_vs_duckdb": round(d / k, 3),
        "kiln_peak_rss_mib": round(max(k_rss), 1), "rss_over_file": round(max(k_rss) * 1.048576 / mb, 3),
        "agrees_with_duckdb": agrees(imported, duck),
        "loadavg_before": [round(x, 2) for x in load_before], "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
    }
    print(json.dumps(result))
    print(f"parquet {mb:.0f} MB ({a.rows} rows): kiln import {k:.2f} s (whole process), "
          f"DuckDB read_parquet {d:.2f} s (2 threads, in process): {d / k:.2f}x DuckDB (target >= 1.0)")
    print(f"kiln peak RSS {max(k_rss):.0f} MiB = {result['rss_over_file']:.2f}x the file (target <= 1.0); "
          f"load average {load_before[0]:.2f} -> {result['loadavg_after'][0]:.2f} on {os.cpu_count()} cpus")


if __name__ == "__main__":
    main()
