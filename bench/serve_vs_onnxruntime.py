#!/usr/bin/env python3
"""kiln serve against ONNX Runtime behind Node's http server, on loopback, same model and load.

usage: /usr/bin/python3 bench/serve_vs_onnxruntime.py [--build build] [--seconds 10] [--clients 16]
       [--rows 8] [--ort-dir BUILD/tests/export/ort]
Trains an MLP on 20,000 generated rows (8 numbers and a category), exports and registers it,
then for each server in turn: wrk (Debian's, -t2) with --clients keep-alive connections
POSTing --rows-row JSON requests for --seconds; throughput and p50/p99 as wrk measures them
(client included). Then one connection of 1-row requests to kiln serve, whose p50 is also read
from the server's own clock (arrival to answer, client excluded). onnxruntime-node comes from the
export tests' fixture (ctest -R export/ort_setup). Prints a table and one JSON line.
"""
import argparse, json, os, random, re, signal, subprocess, sys, tempfile, threading, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from predict_vs_ort import write_csv  # the same generated table: 8 numbers and a category


def body(rows, seed):
    rnd = random.Random(seed)
    return json.dumps({"rows": [dict({f"x{i}": round(rnd.gauss(0, 1), 5) for i in range(8)},
                                     cat=rnd.choice("abcde")) for _ in range(rows)]})


def wait_ready(url, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception as e:  # 404 from the node server still means it listens
            if hasattr(e, "code"):
                return
            time.sleep(0.1)
    sys.exit(f"no server at {url}")


def wrk(url, payload, clients, seconds, tmp):
    script = os.path.join(tmp, "post.lua")
    with open(script, "w") as f:
        f.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                f"wrk.body = {json.dumps(payload)}\n")
    out = subprocess.run(["wrk", "-t2" if clients > 1 else "-t1", f"-c{clients}", f"-d{seconds}s", "--latency",
                          "-s", script, url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    def pct(p):
        m = re.search(rf"\s{p}%\s+([\d.]+)(us|ms|s)", out)
        v = float(m.group(1))
        return v / 1000 if m.group(2) == "us" else v * 1000 if m.group(2) == "s" else v
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50_ms": pct(50), "p99_ms": pct(99), "non_2xx": int(errors.group(1)) if errors else 0}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(HERE, "..", "build"))
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--rows", type=int, default=8)
    ap.add_argument("--ort-dir", default=None)
    a = ap.parse_args()
    kiln = os.path.join(a.build, "app", "cli", "kiln")
    ort_dir = a.ort_dir or os.path.join(a.build, "tests", "export", "ort")
    if not os.path.isdir(os.path.join(ort_dir, "node_modules", "onnxruntime-node")):
        sys.exit(f"onnxruntime-node is not in {ort_dir}: run ctest -R export/ort_setup in the build folder")
    tmp = tempfile.mkdtemp(prefix="kiln-serve-bench-")
    ws = os.path.join(tmp, "ws")
    csv = os.path.join(tmp, "train.csv")
    write_csv(csv, 20_000, 1)
    k = lambda *args: subprocess.run([kiln, "--workspace", ws, *args], check=True, capture_output=True, text=True).stdout
    k("import", csv, "--name", "b")
    run_id = json.loads(k("train", "b", "--target", "y", "--model", "mlp", "--hidden", "64,32", "--epochs", "2", "--json"))["run_id"]
    k("model", "register", run_id, "--name", "b")
    model = json.loads(k("models", "--json"))["models"][0]["versions"][0]["onnx_path"]

    port = 18080
    server = subprocess.Popen([kiln, "--workspace", ws, "serve", "b", "--port", str(port), "--json", "--no-traffic"],
                              stdout=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    wait_ready(url + "/healthz")
    described = json.loads(urllib.request.urlopen(url + "/v1/model").read())
    latest = {}
    def read_stats():  # kiln serve --json prints its figures once a second
        for line in server.stdout:
            e = json.loads(line)
            if e.get("event") == "stats":
                latest.update(e)
    threading.Thread(target=read_stats, daemon=True).start()
    one = wrk(url + "/v1/predict", body(1, 3), 1, max(3, a.seconds // 2), tmp)
    time.sleep(1.5)
    stats = dict(latest)  # p50 of the last 2,048 answers: all of them 1-row ones
    kiln_load = wrk(url + "/v1/predict", body(a.rows, 4), a.clients, a.seconds, tmp)
    server.send_signal(signal.SIGINT)
    server.wait(timeout=30)

    types = {i["name"]: i["type"] for i in described["inputs"]}
    node = subprocess.Popen(["node", os.path.join(HERE, "ort_serve.mjs"), model, str(port + 1), json.dumps(types),
                             json.dumps(described.get("classes", []))],
                            env=dict(os.environ, NODE_PATH=os.path.join(ort_dir, "node_modules")), stdout=subprocess.PIPE)
    wait_ready(f"http://127.0.0.1:{port + 1}/")
    ort_load = wrk(f"http://127.0.0.1:{port + 1}/v1/predict", body(a.rows, 4), a.clients, a.seconds, tmp)
    node.terminate()
    node.wait()

    ratio = kiln_load["rps"] / ort_load["rps"]
    print(f"{a.clients} clients, {a.rows}-row requests, {a.seconds} s each, wrk -t2 on the same machine")
    print(f"{'server':<28}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>10}")
    for name, r in (("kiln serve", kiln_load), ("onnxruntime-node + http", ort_load)):
        print(f"{name:<28}{r['rps']:>10.0f}{r['p50_ms']:>10.3f}{r['p99_ms']:>10.3f}{r['non_2xx']:>10}")
    print(f"throughput ratio kiln/ort: {ratio:.2f} (target >= 0.8)")
    print(f"1-row requests, one connection: p50 {one['p50_ms']:.3f} ms with the client (wrk), "
          f"{stats.get('p50_ms', float('nan')):.3f} ms on the server's clock (target < 1 ms)")
    print(json.dumps({"clients": a.clients, "rows": a.rows, "kiln": kiln_load, "ort": ort_load, "ratio": round(ratio, 3),
                      "one_row_wrk_p50_ms": one["p50_ms"], "one_row_server_p50_ms": stats.get("p50_ms")}))


if __name__ == "__main__":
    main()
