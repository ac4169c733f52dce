#!/usr/bin/env python3
"""kiln predict vs ONNX Runtime on the same CSV and thread count, plus export+verify timing.

usage: /usr/bin/python3 bench/predict_vs_ort.py --kiln BUILD/app/cli/kiln --ort-dir DIR_WITH_node_modules
       [--rows 1000000] [--threads 2]
Trains an MLP (30-ish inputs, hidden 128,64) on 20k rows, times `kiln export` (verification
included), then predicts N rows with `kiln predict` and with ONNX Runtime (bench/ort_predict.mjs,
which parses the same CSV). Prints one JSON line.
"""
import argparse, json, os, random, subprocess, sys, tempfile, time

def write_csv(path, rows, seed):
    rnd = random.Random(seed)
    cats = ["a", "b", "c", "d", "e"]
    with open(path, "w") as f:
        f.write(",".join([f"x{i}" for i in range(8)] + ["cat", "y"]) + "\n")
        for _ in range(rows):
            xs = [rnd.gauss(0, 1) for _ in range(8)]
            c = rnd.randrange(5)
            y = 1 if sum(xs[:3]) + 0.5 * c > 1 else 0
            cells = ["" if rnd.random() < 0.02 else f"{v:.5f}" for v in xs]
            f.write(",".join(cells + [cats[c], "yes" if y else "no"]) + "\n")

def run(cmd, **kw):
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    return time.perf_counter() - t, out.stdout

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", required=True)
    ap.add_argument("--ort-dir", required=True)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="kiln-bench-")
    ws = os.path.join(tmp, "ws")
    train_csv, big_csv = os.path.join(tmp, "train.csv"), os.path.join(tmp, "big.csv")
    write_csv(train_csv, 20_000, 1)
    write_csv(big_csv, a.rows, 2)
    run([a.kiln, "--workspace", ws, "import", train_csv, "--name", "b"])
    _, out = run([a.kiln, "--workspace", ws, "train", "b", "--target", "y", "--model", "mlp",
                  "--hidden", "128,64", "--epochs", "2", "--json"])
    run_id = json.loads(out)["run_id"]
    model = os.path.join(tmp, "m.onnx")
    export_s, out = run([a.kiln, "--workspace", ws, "export", run_id, "--onnx", model, "--json"])
    exp = json.loads(out)
    kiln_s, out = run([a.kiln, "predict", model, big_csv, "--out", os.path.join(tmp, "p.csv"),
                       "--threads", str(a.threads), "--json"])
    pk = json.loads(out)
    ort_s, out = run(["node", os.path.join(os.path.dirname(os.path.abspath(__file__)), "ort_predict.mjs"),
                      model, big_csv, "--threads", str(a.threads)],
                     env=dict(os.environ, NODE_PATH=os.path.join(a.ort_dir, "node_modules")))
    po = json.loads(out)
    print(json.dumps({
        "rows": a.rows, "threads": a.threads,
        "export_with_verification_s": round(export_s, 3), "export_internal_s": exp["seconds"],
        "verification_rows": exp["verification"]["rows"],
        "kiln_predict_rows_per_s": round(a.rows / kiln_s), "kiln_read_s": pk["read_seconds"],
        "kiln_infer_s": pk["infer_seconds"],
        "ort_rows_per_s": round(a.rows / ort_s), "ort_parse_s": po["parse_s"], "ort_infer_s": po["infer_s"],
        "ratio_end_to_end": round(ort_s / kiln_s, 3),
        "ratio_inference_only": round(po["infer_s"] / pk["infer_seconds"], 3),
    }))

if __name__ == "__main__":
    main()
