#!/usr/bin/python3
"""Speed of Kiln's tree families against python3-xgboost and ONNX Runtime, side by side in one run.

usage: /usr/bin/python3 bench/tree_speed.py [--kiln BUILD/app/cli/kiln] [--parts a,b,c,d]
           [--rows 1000000] [--repeat 3] [--ort-dir DIR_WITH_node_modules] [--predict-rows 1000000]

(a) boosted-tree training, 1M rows x 20 numbers (deterministic; 2% missing in ten columns), binary
    target, 200 rounds, max_depth 6, eta 0.1, hist, 2 threads, no early stopping:
      kiln train DS --target y --model boosted --trees 200 --max-depth 6 --learning-rate 0.1
                    --early-stopping 0 --threads 2 --seed 0
    against xgboost.train with the same parameters on the same rows (the run's split.json train
    rows, the same float32 values). Kiln's training time is the boosting loop as the worker records
    it in events.jsonl: from the `split` artifact event (written once the XGBoost matrices are
    built, just before round 1) to the last round's metric event. XGBoost's is the wall time of
    xgb.train (its matrices built before, timed apart). Kiln's loop does more per round than plain
    xgb.train: it predicts the train and validation rows, scores them (loss; val accuracy, macro F1,
    ROC AUC) and writes the metric events for live curves, and checkpoints every ten rounds; so
    xgb.train is also timed with evals=[train, val] (logloss, auc), the nearest like-for-like.
    On 850,000 training and validation rows Kiln evaluates every 4th round (one per 250,000 rows,
    as CatBoost's metric_period; the line says how many were evaluated).
    Runs are interleaved Kiln, XGBoost, Kiln, XGBoost... (--repeat times); medians and the ratio.
    Target: Kiln's loop <= 1.11x plain xgb.train (>= 0.9x its speed).
(b) `kiln train DS --target y --cv 5 --seed 0` (model auto: linear, boosted, forest and MLP, five
    folds each, then the final model) on a 10,000-row table of 8 numbers (some missing) and two
    categories (5 and 12 levels): wall seconds, and the seconds per candidate from the run's log
    events. Target: under 30 s.
(c) export of a 300-tree boosted model with verification: `kiln export RUN --onnx F --json`
    (wall and the seconds it reports). Target: under 2 s. Reported as pending if the export of
    tree runs is not there yet (the command fails), never faked.
(d) `kiln predict` rows/s on that model against ONNX Runtime (bench/ort_predict.mjs, Node with
    onnxruntime-node from --ort-dir), same CSV, same threads. Target: Kiln >= 0.5x ORT's rows/s.
    Pending when (c) is.
Generated data is cached under the temp directory (tempfile.gettempdir()/kiln-bench-trees).
Prints a line per measurement and one JSON line last.
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
CACHE = os.path.join(tempfile.gettempdir(), "kiln-bench-trees")
PARAMS = {"rounds": 200, "max_depth": 6, "eta": 0.1, "threads": 2}


# ---------------------------------------------------------------------------------------------
# Data

def numeric_table(rows, seed=0):
    """X float32 [rows, 20] (values with three decimals, NaN for missing), y 0/1."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, size=(rows, 20)).astype(np.float64)
    logit = (X[:, 0] - 0.8 * X[:, 1] + 0.6 * X[:, 2] * X[:, 3] + np.sin(2 * X[:, 4])
             + 0.5 * (X[:, 5] > 0.5) - 0.3 * X[:, 6] ** 2 + 0.2 * X[:, 7:12].sum(1))
    y = (logit + rng.logistic(0, 0.6, rows) > 0).astype(np.int8)
    X = np.round(X, 3)
    X[:, :10][rng.random((rows, 10)) < 0.02] = np.nan
    return X.astype(np.float32), y


def write_numeric_csv(path, X, y):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(",".join(f"x{i}" for i in range(X.shape[1])) + ",y\n")
        for start in range(0, X.shape[0], 100_000):
            block = X[start:start + 100_000].astype(np.float64)
            cols = [np.char.mod("%.3f", block[:, j]) for j in range(block.shape[1])]
            for j in range(block.shape[1]):
                cols[j][np.isnan(block[:, j])] = ""
            cols.append(np.where(y[start:start + 100_000] == 1, "1", "0"))
            f.write("\n".join(",".join(r) for r in zip(*[c.tolist() for c in cols])) + "\n")
    os.replace(tmp, path)


def mixed_csv(path, rows, seed):
    """8 numbers (two with missing values), categories of 5 and 12 levels, a yes/no target."""
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, size=(rows, 8))
    a = rng.integers(0, 5, rows)
    b = rng.integers(0, 12, rows)
    effect_b = np.linspace(-1, 1, 12)[rng.permutation(12)]
    logit = X[:, 0] + 0.7 * X[:, 1] * X[:, 2] - 0.5 * X[:, 3] ** 2 + 0.4 * a - 0.8 + effect_b[b]
    y = logit + rng.logistic(0, 0.5, rows) > 0
    with open(path, "w") as f:
        f.write(",".join(f"x{i}" for i in range(8)) + ",shape,colour,y\n")
        for i in range(rows):
            cells = [("" if (j < 2 and rng.random() < 0.05) else f"{X[i, j]:.4f}") for j in range(8)]
            f.write(",".join(cells + [f"s{a[i]}", f"c{b[i]}", "yes" if y[i] else "no"]) + "\n")


# ---------------------------------------------------------------------------------------------
# Kiln helpers

def kiln(args, ws, *rest, check=True):
    t0 = time.perf_counter()
    r = subprocess.run([args.kiln, "--workspace", ws, *rest], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if check and r.returncode != 0:
        raise SystemExit(f"kiln {' '.join(rest)} failed:\n{r.stderr or r.stdout}")
    return wall, r


def run_events(ws, run_id):
    with open(os.path.join(ws, "runs", run_id, "events.jsonl")) as f:
        return [json.loads(line) for line in f]


def boosting_times(events):
    """Seconds: worker start->split artifact (data and matrices), the boosting loop (split artifact
    -> last round's metric event), and after it to `finished` (test metrics, importance, saving)."""
    started = next(e["time"] for e in events if e["event"] == "started")
    split = next(e["time"] for e in events if e["event"] == "artifact" and e.get("kind") == "split")
    rounds = [e for e in events if e["event"] == "metric" and e["key"] == "train_loss"]
    finished = next(e["time"] for e in events if e["event"] == "finished")
    return {"prepare_s": split - started, "loop_s": rounds[-1]["time"] - split,
            "after_s": finished - rounds[-1]["time"], "rounds": rounds[-1]["step"],
            "evaluated_rounds": len(rounds),
            "first_to_last_metric_s": rounds[-1]["time"] - rounds[0]["time"]}


# ---------------------------------------------------------------------------------------------
# (a)

def xgb_side(X, y, split, evals):
    import xgboost as xgb
    tr, va = np.array(split["train"]), np.array(split["val"])
    t0 = time.perf_counter()
    dtrain = xgb.DMatrix(X[tr], label=y[tr], nthread=PARAMS["threads"])
    dval = xgb.DMatrix(X[va], label=y[va], nthread=PARAMS["threads"])
    dm = time.perf_counter() - t0
    params = {"objective": "binary:logistic", "tree_method": "hist", "max_depth": PARAMS["max_depth"],
              "eta": PARAMS["eta"], "nthread": PARAMS["threads"], "seed": 0, "min_child_weight": 1,
              "lambda": 1, "alpha": 0, "subsample": 1, "colsample_bytree": 1, "verbosity": 0}
    if evals:
        params["eval_metric"] = ["logloss", "auc"]
    t0 = time.perf_counter()
    booster = xgb.train(params, dtrain, PARAMS["rounds"],
                        evals=[(dtrain, "train"), (dval, "val")] if evals else (), verbose_eval=False)
    return {"dmatrix_s": dm, "train_s": time.perf_counter() - t0, "trees": booster.num_boosted_rounds()}


def part_a(args, out):
    os.makedirs(CACHE, exist_ok=True)
    X, y = numeric_table(args.rows)
    csv_path = os.path.join(CACHE, f"numeric_{args.rows}_v1.csv")
    if not os.path.exists(csv_path):
        t0 = time.perf_counter()
        write_numeric_csv(csv_path, X, y)
        print(f"(a) wrote {csv_path} ({os.path.getsize(csv_path) / 1e6:.0f} MB) in "
              f"{time.perf_counter() - t0:.1f} s", flush=True)
    ws = tempfile.mkdtemp(prefix="kiln-bench-trees-ws-")
    try:
        imp, _ = kiln(args, ws, "import", csv_path, "--name", "num", "--json")
        print(f"(a) kiln import {args.rows:,} rows: {imp:.1f} s (not in the comparison)", flush=True)
        train_args = ["train", "num", "--target", "y", "--model", "boosted", "--trees", str(PARAMS["rounds"]),
                      "--max-depth", str(PARAMS["max_depth"]), "--learning-rate", str(PARAMS["eta"]),
                      "--early-stopping", "0", "--threads", str(PARAMS["threads"]), "--seed", "0", "--json"]
        kilns, plains, evals = [], [], []
        split = None
        for rep in range(args.repeat):
            wall, r = kiln(args, ws, *train_args)
            doc = json.loads(r.stdout)
            t = boosting_times(run_events(ws, doc["run_id"]))
            t["wall_s"] = wall
            t["test_auc"] = doc["metrics"].get("test_roc_auc")
            kilns.append(t)
            if split is None:
                split = json.load(open(os.path.join(ws, "runs", doc["run_id"], "split.json")))
            p = xgb_side(X, y, split, evals=False)
            plains.append(p)
            e = xgb_side(X, y, split, evals=True)
            evals.append(e)
            print(f"(a) rep {rep + 1}: kiln loop {t['loop_s']:.2f} s ({t['rounds']} rounds, {t['evaluated_rounds']} of them evaluated; prepare "
                  f"{t['prepare_s']:.2f} s, after {t['after_s']:.2f} s, whole `kiln train` {wall:.2f} s)  "
                  f"xgb.train {p['train_s']:.2f} s (DMatrix {p['dmatrix_s']:.2f} s)  "
                  f"xgb.train+evals {e['train_s']:.2f} s", flush=True)
            shutil.rmtree(os.path.join(ws, "runs", doc["run_id"]), ignore_errors=True)
        med = lambda rows, k: statistics.median(r[k] for r in rows)
        k_loop, x_plain, x_eval = med(kilns, "loop_s"), med(plains, "train_s"), med(evals, "train_s")
        res = {"rows": args.rows, "train_rows": len(split["train"]), "val_rows": len(split["val"]),
               "repeat": args.repeat, **PARAMS,
               "kiln_loop_s": [round(r["loop_s"], 2) for r in kilns],
               "kiln_prepare_s": [round(r["prepare_s"], 2) for r in kilns],
               "kiln_after_loop_s": [round(r["after_s"], 2) for r in kilns],
               "kiln_train_wall_s": [round(r["wall_s"], 2) for r in kilns],
               "kiln_test_auc": kilns[0]["test_auc"],
               "kiln_evaluated_rounds": kilns[0]["evaluated_rounds"],
               "xgb_train_s": [round(r["train_s"], 2) for r in plains],
               "xgb_dmatrix_s": [round(r["dmatrix_s"], 2) for r in plains],
               "xgb_train_with_evals_s": [round(r["train_s"], 2) for r in evals],
               "kiln_over_xgb": round(k_loop / x_plain, 3),
               "kiln_over_xgb_with_evals": round(k_loop / x_eval, 3),
               "kiln_speed_vs_xgb": round(x_plain / k_loop, 3),
               "target_met": bool(k_loop <= x_plain / 0.9)}
        print(f"(a) medians: kiln loop {k_loop:.2f} s, xgb.train {x_plain:.2f} s, xgb.train+evals {x_eval:.2f} s; "
              f"Kiln at {res['kiln_speed_vs_xgb']:.2f}x XGBoost's speed (time ratio {res['kiln_over_xgb']:.2f}; "
              f"{res['kiln_over_xgb_with_evals']:.2f} vs xgb+evals); target >= 0.9x -> "
              f"{'met' if res['target_met'] else 'NOT met'}", flush=True)
        out["a_boosted_vs_xgboost"] = res
    finally:
        shutil.rmtree(ws, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# (b), (c), (d)

def mixed_workspace(args):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, "mixed_10000_v1.csv")
    if not os.path.exists(path):
        mixed_csv(path, 10_000, 3)
    ws = tempfile.mkdtemp(prefix="kiln-bench-trees-ws-")
    kiln(args, ws, "import", path, "--name", "mixed")
    return ws


def part_b(args, ws, out):
    walls, per = [], []
    for rep in range(args.repeat_auto):
        wall, r = kiln(args, ws, "train", "mixed", "--target", "y", "--cv", "5", "--seed", "0",
                       "--threads", "2", "--json")
        doc = json.loads(r.stdout)
        events = run_events(ws, doc["run_id"])
        report = json.load(open(os.path.join(ws, "runs", doc["run_id"], "report.json")))
        started = next(e["time"] for e in events if e["event"] == "started")
        finished = next(e["time"] for e in events if e["event"] == "finished")
        fams, last = {}, started
        for e in events:
            if e["event"] == "log" and e["message"].startswith("cross-validation: "):
                fam = e["message"].split(": ", 1)[1].split(", fold")[0]
                fams[fam] = fams.get(fam, 0.0) + e["time"] - last
                last = e["time"]
        choice = report.get("model_choice", {})
        fams["final " + choice.get("chosen", "?")] = finished - last
        walls.append(wall)
        per.append({k: round(v, 1) for k, v in fams.items()})
        print(f"(b) rep {rep + 1}: auto --cv 5 on 10,000 rows: {wall:.1f} s wall; "
              + ", ".join(f"{k} {v:.1f} s" for k, v in fams.items())
              + f"; chose {choice.get('chosen')} ({choice.get('why')}); test accuracy "
              f"{doc['metrics'].get('test_accuracy', float('nan')):.4f}", flush=True)
    med = statistics.median(walls)
    out["b_auto_cv5_10k"] = {"wall_s": [round(w, 1) for w in walls], "median_s": round(med, 1),
                             "seconds_per_candidate": per, "target_s": 30, "target_met": bool(med < 30)}
    print(f"(b) median {med:.1f} s (target < 30 s) -> {'met' if med < 30 else 'NOT met'}", flush=True)


def export_tree_model(args, ws, trees=300):
    """(c) hook: trains a `trees`-round boosted model on the mixed table, exports it with
    verification. Returns (result dict, onnx path or None)."""
    _, r = kiln(args, ws, "train", "mixed", "--target", "y", "--model", "boosted", "--trees", str(trees),
                "--early-stopping", "0", "--threads", "2", "--seed", "0", "--json")
    run_id = json.loads(r.stdout)["run_id"]
    model = os.path.join(tempfile.mkdtemp(prefix="kiln-bench-trees-onnx-"), "trees.onnx")
    wall, r = kiln(args, ws, "export", run_id, "--onnx", model, "--json", check=False)
    if r.returncode != 0:
        msg = (r.stderr or r.stdout).strip().splitlines()
        return {"status": "pending", "reason": "kiln export of a tree run failed: " +
                (" ".join(msg)[:300] if msg else f"exit {r.returncode}")}, None
    doc = json.loads(r.stdout)
    res = {"status": "measured", "trees": trees, "wall_s": round(wall, 3), "seconds": doc.get("seconds"),
           "verification": doc.get("verification"), "bytes": os.path.getsize(model),
           "target_s": 2, "target_met": bool(wall < 2)}
    return res, model


def part_c(args, ws, out):
    res, model = export_tree_model(args, ws)
    out["c_export_300_trees"] = res
    if res["status"] == "pending":
        print(f"(c) export of a 300-tree model: PENDING ({res['reason']})", flush=True)
    else:
        print(f"(c) export of a 300-tree model with verification: {res['wall_s']:.2f} s wall "
              f"({res['seconds']} s inside; {res['bytes'] / 1e6:.1f} MB; verification "
              f"{json.dumps(res['verification'])}) target < 2 s -> "
              f"{'met' if res['target_met'] else 'NOT met'}", flush=True)
    return model


def predict_vs_ort(args, model, out):
    """(d) hook: kiln predict vs ONNX Runtime on the same CSV (rows like the mixed table)."""
    if model is None:
        out["d_predict_vs_ort"] = {"status": "pending", "reason": "no exported tree model (see c)"}
        print("(d) kiln predict vs ONNX Runtime: PENDING (no exported tree model)", flush=True)
        return
    if not os.path.isdir(os.path.join(args.ort_dir, "node_modules", "onnxruntime-node")):
        out["d_predict_vs_ort"] = {"status": "pending", "reason": f"no onnxruntime-node under {args.ort_dir}"}
        print(f"(d) PENDING: no onnxruntime-node under {args.ort_dir} (--ort-dir)", flush=True)
        return
    path = os.path.join(CACHE, f"mixed_{args.predict_rows}_v1.csv")
    if not os.path.exists(path):
        mixed_csv(path, args.predict_rows, 4)
    pred_out = os.path.join(os.path.dirname(model), "p.csv")
    kilns, orts = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        r = subprocess.run([args.kiln, "predict", model, path, "--out", pred_out, "--threads", "2", "--json"],
                           capture_output=True, text=True)
        ks = time.perf_counter() - t0
        if r.returncode != 0:
            out["d_predict_vs_ort"] = {"status": "pending", "reason": "kiln predict failed: " + r.stderr[:300]}
            print(f"(d) PENDING: kiln predict failed: {r.stderr[:300]}", flush=True)
            return
        kd = json.loads(r.stdout)
        t0 = time.perf_counter()
        o = subprocess.run(["node", os.path.join(HERE, "ort_predict.mjs"), model, path, "--threads", "2"],
                           capture_output=True, text=True,
                           env=dict(os.environ, NODE_PATH=os.path.join(args.ort_dir, "node_modules")))
        os_ = time.perf_counter() - t0
        if o.returncode != 0:
            out["d_predict_vs_ort"] = {"status": "pending", "reason": "ONNX Runtime failed: " + o.stderr[:300]}
            print(f"(d) PENDING: ONNX Runtime failed on the file: {o.stderr[:300]}", flush=True)
            return
        od = json.loads(o.stdout)
        kilns.append((ks, kd))
        orts.append((os_, od))
    k = statistics.median(x[0] for x in kilns)
    o = statistics.median(x[0] for x in orts)
    ki = statistics.median(x[1].get("infer_seconds", float("nan")) for x in kilns)
    oi = statistics.median(x[1]["infer_s"] for x in orts)
    res = {"status": "measured", "rows": args.predict_rows, "kiln_rows_per_s": round(args.predict_rows / k),
           "ort_rows_per_s": round(args.predict_rows / o), "ratio_end_to_end": round(o / k, 3),
           "kiln_infer_s": ki, "ort_infer_s": oi, "ratio_inference_only": round(oi / ki, 3) if ki else None,
           "target": 0.5, "target_met": bool(o / k >= 0.5)}
    out["d_predict_vs_ort"] = res
    print(f"(d) predict {args.predict_rows:,} rows: kiln {res['kiln_rows_per_s']:,} rows/s, ORT "
          f"{res['ort_rows_per_s']:,} rows/s end to end -> {res['ratio_end_to_end']:.2f}x (inference only "
          f"{res['ratio_inference_only']}); target >= 0.5x -> {'met' if res['target_met'] else 'NOT met'}",
          flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiln", default=os.path.join(ROOT, "build", "app", "cli", "kiln"))
    ap.add_argument("--parts", default="a,b,c,d")
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3, help="interleaved repeats for (a) and (d)")
    ap.add_argument("--repeat-auto", type=int, default=1, help="repeats of (b)")
    ap.add_argument("--ort-dir", default=os.path.join(ROOT, "build", "tests", "export", "ort"))
    ap.add_argument("--predict-rows", type=int, default=1_000_000)
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    out = {"bench": "tree_speed", "threads": PARAMS["threads"]}
    if "a" in parts:
        part_a(args, out)
    if parts & {"b", "c", "d"}:
        ws = mixed_workspace(args)
        try:
            if "b" in parts:
                part_b(args, ws, out)
            model = part_c(args, ws, out) if parts & {"c", "d"} else None
            if "d" in parts:
                predict_vs_ort(args, model, out)
        finally:
            shutil.rmtree(ws, ignore_errors=True)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
