#!/usr/bin/python3
"""Model quality: Kiln's default `kiln train` against scikit-learn on the same split.

usage: /usr/bin/python3 bench/train_quality.py --kiln BUILD/app/cli/kiln [--datasets iris,wine,...] [--extra ARGS]

For each small standard dataset (sklearn's bundled copies), writes a CSV, imports it into a
fresh workspace, runs `kiln train DS --target y` with default settings (plus --extra), reads the
run's split.json and evaluates scikit-learn's LogisticRegression / MLPClassifier (Ridge /
MLPRegressor for regression), each after StandardScaler, trained on the same training rows and
scored on the same test rows. Prints one line per dataset and a JSON summary; the target is
Kiln within 2 points of sklearn's best (accuracy, or R² × 100 for regression).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pandas as pd
from sklearn import datasets
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LOADERS = {
    "iris": (datasets.load_iris, "classification"),
    "wine": (datasets.load_wine, "classification"),
    "breast_cancer": (datasets.load_breast_cancer, "classification"),
    "digits": (datasets.load_digits, "classification"),
    "diabetes": (datasets.load_diabetes, "regression"),
}


def sklearn_scores(task, X, y, split):
    tr, te = np.array(split["train"]), np.array(split["test"])
    warnings.filterwarnings("ignore")
    if task == "classification":
        models = {"logistic": LogisticRegression(max_iter=5000),
                  "mlp": MLPClassifier(hidden_layer_sizes=(128, 64), max_iter=2000, random_state=0)}
        score = lambda m: 100 * (m.predict(X[te]) == y[te]).mean()
    else:
        models = {"ridge": Ridge(alpha=1.0),
                  "mlp": MLPRegressor(hidden_layer_sizes=(128, 64), max_iter=5000, random_state=0)}
        score = lambda m: 100 * (1 - ((m.predict(X[te]) - y[te]) ** 2).sum() / ((y[te] - y[te].mean()) ** 2).sum())
    out = {}
    for name, model in models.items():
        pipe = make_pipeline(StandardScaler(), model).fit(X[tr], y[tr])
        out[name] = score(pipe)
    return out


def run_kiln(kiln, ws, csv, extra):
    env = dict(os.environ, KILN_WORKSPACE=ws)
    subprocess.run([kiln, "import", csv, "--name", "ds"], check=True, env=env, capture_output=True)
    res = subprocess.run([kiln, "train", "ds", "--target", "y", "--json"] + extra, env=env,
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"kiln train failed: {res.stderr}")
    return json.loads(res.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", required=True)
    ap.add_argument("--datasets", default=",".join(LOADERS))
    ap.add_argument("--extra", default="")
    args = ap.parse_args()
    summary = []
    for name in args.datasets.split(","):
        loader, task = LOADERS[name]
        X, y = loader(return_X_y=True)
        with tempfile.TemporaryDirectory() as tmp:
            frame = pd.DataFrame(X, columns=[f"f{i}" for i in range(X.shape[1])])
            frame["y"] = [f"c{v}" for v in y] if task == "classification" else y
            csv = os.path.join(tmp, name + ".csv")
            frame.to_csv(csv, index=False)
            doc = run_kiln(args.kiln, os.path.join(tmp, "ws"), csv, args.extra.split())
            split = json.load(open(os.path.join(tmp, "ws", "runs", doc["run_id"], "split.json")))
        key = "test_accuracy" if task == "classification" else "test_r2"
        kiln_score = 100 * doc["metrics"][key]
        sk = sklearn_scores(task, X, y, split)
        best = max(sk.values())
        row = {"dataset": name, "task": task, "test_rows": len(split["test"]), "kiln": round(kiln_score, 2),
               "sklearn": {k: round(v, 2) for k, v in sk.items()}, "gap": round(best - kiln_score, 2),
               "within_2_points": bool(best - kiln_score <= 2.0)}
        summary.append(row)
        print(f"{name:14s} {task:14s} kiln {kiln_score:6.2f}  sklearn " +
              "  ".join(f"{k} {v:6.2f}" for k, v in sk.items()) + f"  gap {best - kiln_score:+.2f}", flush=True)
    print(json.dumps(summary))
    return 0 if all(r["within_2_points"] for r in summary) else 1


if __name__ == "__main__":
    sys.exit(main())
