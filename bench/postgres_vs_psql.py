#!/usr/bin/python3
"""kiln import --db against psql's \\copy of the same PostgreSQL table, in one run.

usage: /usr/bin/python3 bench/postgres_vs_psql.py [--build build] [--rows 1000000] [--runs 3]

Starts a PostgreSQL server of its own as the database test does (initdb and pg_ctl in a
temporary folder, as the postgres user when run as root, a free loopback port, stopped at the
end), makes a table of `rows` rows of mixed types (int8, float8, numeric, text categories, free
text, bool, date, timestamptz, a few NULLs), then times, each as a whole process and best of
`runs` with the server's cache warm:
  kiln import --db URL --table t (into a fresh workspace each run),
  psql -c "\\copy t TO STDOUT" > /dev/null,
  kiln import --db URL --query 'SELECT 1' (kiln-engine's start-up, the connection, the workspace).
Checks Kiln's row count, prints both times and the ratio (target: kiln within 1.5x of psql).
"""
import argparse
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TABLE_SQL = """
CREATE TABLE t AS
SELECT g::int8 AS id,
       (g * 0.37)::float8 AS score,
       round((g % 10000) / 7.0, 2)::numeric AS price,
       'city_' || (g % 50) AS city,
       md5(g::text) AS token,
       g % 3 = 0 AS flag,
       date '2000-01-01' + (g % 9000) AS day,
       timestamptz '2020-01-01 00:00:00+00' + g * interval '1 minute' AS at,
       CASE WHEN g % 97 = 0 THEN NULL ELSE g % 1000 END AS maybe
FROM generate_series(1, {rows}) g;
ANALYZE t;
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_bin():
    out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
    if out.returncode == 0 and os.path.exists(os.path.join(out.stdout.strip(), "pg_ctl")):
        return out.stdout.strip()
    for version in sorted(os.listdir("/usr/lib/postgresql"), reverse=True):
        return os.path.join("/usr/lib/postgresql", version, "bin")
    sys.exit("no PostgreSQL server programs: install postgresql")


class Server:
    def __init__(self):
        self.bin = server_bin()
        self.port = free_port()
        self.folder = tempfile.mkdtemp(prefix="kiln-bench-pg-")
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self.run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
        self.run("pg_ctl", "-D", self.data, "-l", os.path.join(self.folder, "server.log"), "-o",
                 f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1", "-w", "start")

    @property
    def data(self):
        return os.path.join(self.folder, "data")

    def run(self, program, *args):
        cmd = [os.path.join(self.bin, program), *args]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--"] + cmd
        subprocess.run(cmd, check=True, capture_output=True)

    def psql(self, *args, **kwargs):
        return subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
                               "-d", "postgres", *args], check=True, **kwargs)

    def stop(self):
        try:
            self.run("pg_ctl", "-D", self.data, "-m", "fast", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def best_of(runs, make_cmd, **kwargs):
    times = []
    for _ in range(runs):
        cmd, cleanup = make_cmd()
        t0 = time.perf_counter()
        p = subprocess.run(cmd, check=True, **kwargs)
        times.append(time.perf_counter() - t0)
        last = p
        cleanup()
    return min(times), last


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--rows", type=int, default=1000000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    kiln = os.path.join(args.build, "app", "cli", "kiln")
    server = Server()
    try:
        server.psql("-c", TABLE_SQL.format(rows=args.rows), stdout=subprocess.DEVNULL)
        url = f"postgresql://postgres@127.0.0.1:{server.port}/postgres"

        def kiln_cmd():
            ws = tempfile.mkdtemp(prefix="kiln-bench-ws-")
            return ([kiln, "--workspace", ws, "import", "--db", url, "--table", "t", "--json"],
                    lambda: shutil.rmtree(ws, ignore_errors=True))

        def psql_cmd():
            return (["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres", "-d",
                     "postgres", "-c", "\\copy t TO STDOUT"], lambda: None)

        def kiln_tiny_cmd():
            ws = tempfile.mkdtemp(prefix="kiln-bench-ws-")
            return ([kiln, "--workspace", ws, "import", "--db", url, "--query", "SELECT 1 AS one", "--json"],
                    lambda: shutil.rmtree(ws, ignore_errors=True))

        server.psql("-c", "\\copy t TO STDOUT", stdout=subprocess.DEVNULL)  # warm the server's cache
        kiln_s, kiln_run = best_of(args.runs, kiln_cmd, capture_output=True, text=True)
        psql_s, _ = best_of(args.runs, psql_cmd, stdout=subprocess.DEVNULL)
        tiny_s, _ = best_of(args.runs, kiln_tiny_cmd, capture_output=True)
        imported = json.loads(kiln_run.stdout)["imports"][0]
        if imported["rows"] != args.rows:
            sys.exit(f"kiln imported {imported['rows']} rows, not {args.rows}")
        types = ", ".join(f"{c['name']} {c['type']}" for c in imported["columns"])
        print(f"table t: {args.rows} rows ({types})")
        print(f"kiln import --db --table t:   {kiln_s:7.3f} s  ({args.rows / kiln_s / 1e6:.2f} M rows/s)")
        print(f'psql -c "\\copy t TO STDOUT": {psql_s:7.3f} s  ({args.rows / psql_s / 1e6:.2f} M rows/s)')
        print(f"kiln import --db --query 'SELECT 1' (start-up, connection, workspace): {tiny_s:.3f} s")
        ratio = kiln_s / psql_s
        print(f"ratio kiln/psql: {ratio:.2f}x (target <= 1.5x): {'met' if ratio <= 1.5 else 'NOT met'}")
        print(f"ratio without kiln's fixed cost: {(kiln_s - tiny_s) / psql_s:.2f}x")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
