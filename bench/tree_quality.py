#!/usr/bin/python3
"""Model quality of Kiln's default `kiln train` (model auto) against scikit-learn, on the same rows.

usage: /usr/bin/python3 bench/tree_quality.py [--kiln BUILD/app/cli/kiln] [--seeds 0,1,2]
           [--datasets iris,wine,...|all] [--families linear,mlp,boosted,forest] [--sk-fit trainval|train]
           [--extra "ARGS for kiln train"] [--verbose]

For each table and seed: imports the table's CSV into a fresh workspace, runs
`kiln train ds --target T --seed S --json` (auto: the worker cross-validates linear, MLP, boosted
trees and forest on the non-test rows and keeps the best), reads the run's split.json and fits
scikit-learn's LogisticRegression / Ridge, MLP (128,64) and HistGradientBoosting on the same rows,
scored on the same test rows. Numbers with missing values go to HistGradientBoosting as NaN
(categories ordinal-coded and declared categorical); the linear models and MLPs get a pipeline of
median imputation and scaling, categories one-hot (a missing category is a category of its own).

Which rows sklearn fits on (--sk-fit): by default train+val, i.e. every row the Kiln run learned
from (auto's cross-validation uses all non-test rows, and so does its final model: its
split.json lists them all as train, for the folds' mean best epoch or round). sklearn has no use for a separate validation split in its defaults, so giving it train only
would handicap it; train+val is the stricter comparison for Kiln. `--sk-fit train` gives the other.

Rows whose target is missing are dropped by Kiln (they are in none of split.json's lists); the
script checks that and says how many there were.

Tables: scikit-learn's bundled iris, wine, breast_cancer, diabetes (digits with --datasets all or
by name: it is slow), and tables made here, deterministically:
  diabetes_missing  the real diabetes table (raw units) with sex as a category F/M, 24% of the
                    target and 8% of each other number blanked (missing completely at random)
  air_quality       like R's airquality: 153 days, ozone a multiplicative (log-linear) function
                    of temperature, wind and radiation with noise, Month as a category,
                    24% missing target, missing radiation and wind
  plants            tests/cli/fixtures/trees/plants.csv (generated like R's CO2: a 12-level
                    plant category, treatment, missing conc/light), target uptake; the derived
                    0/1 column `grows` is left out (it is a threshold of the target)
  socio             like R's swiss: 47 provinces, five correlated indicators, the target linear
                    in them plus noise (a plain linear model should win)

Prints one line per table (Kiln's chosen family per seed, Kiln's score, each sklearn model, the gap
to sklearn's best, Kiln's auto wall seconds) and a summary against the issue's targets: within 2
points of accuracy / 3 points of R² x 100 of sklearn's best (each model's mean over the seeds), and
at or above it on at least half the tables. The last line is JSON.

--families also trains Kiln with each named family forced (no cross-validation) on the same seeds,
to see which of Kiln's candidates underfits; --extra passes arguments to every `kiln train`.
"""
import argparse
import csv
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PLANTS = os.path.join(ROOT, "tests", "cli", "fixtures", "trees", "plants.csv")


# ---------------------------------------------------------------------------------------------
# Tables: dict(columns=[names], data={name: list}, cats={names}, target=name, task=...)

def from_sklearn(loader, task, **kw):
    def make():
        X, y = loader(return_X_y=True, **kw)
        names = [f"f{i}" for i in range(X.shape[1])]
        data = {n: list(X[:, i]) for i, n in enumerate(names)}
        data["y"] = [f"c{int(v)}" for v in y] if task == "classification" else list(y)
        return dict(columns=names + ["y"], data=data, cats=set(), target="y", task=task)
    return make


def diabetes_missing():
    from sklearn.datasets import load_diabetes
    X, y = load_diabetes(return_X_y=True, scaled=False)
    rng = np.random.default_rng(12)
    names = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
    data = {}
    for i, n in enumerate(names):
        col = list(X[:, i])
        if n == "sex":
            data[n] = ["F" if v == 1 else "M" for v in col]
        else:
            data[n] = [math.nan if rng.random() < 0.08 else float(v) for v in col]
    data["progression"] = [math.nan if rng.random() < 0.24 else float(v) for v in y]
    return dict(columns=names + ["progression"], data=data, cats={"sex"}, target="progression",
                task="regression")


def air_quality():
    rng = np.random.default_rng(1973)
    months = ["May", "June", "July", "August", "September"]
    days = [31, 30, 31, 31, 30]
    rows = {k: [] for k in ("Solar", "Wind", "Temp", "Month", "Day", "Ozone")}
    season = {"May": -12, "June": 2, "July": 7, "August": 6, "September": -1}
    for m, nd in zip(months, days):
        for d in range(1, nd + 1):
            temp = 78 + season[m] + rng.normal(0, 6.5)
            wind = max(1.7, rng.gamma(6.0, 1.65) - 0.05 * (temp - 78))
            solar = float(np.clip(rng.normal(190, 85), 7, 334))
            # Ozone grows multiplicatively with heat and sun, falls with wind (thresholdy: calm, hot
            # days are bad); lognormal noise.
            log_o = (3.35 + 0.055 * (temp - 78) - 0.085 * (wind - 10) + 0.0028 * (solar - 185)
                     + 0.5 * (temp > 85) * (wind < 8) + rng.normal(0, 0.38))
            ozone = max(1.0, round(math.exp(log_o)))
            rows["Solar"].append(math.nan if rng.random() < 0.06 else round(solar))
            rows["Wind"].append(math.nan if rng.random() < 0.05 else round(wind, 1))
            rows["Temp"].append(round(temp))
            rows["Month"].append(m)
            rows["Day"].append(d)
            rows["Ozone"].append(math.nan if rng.random() < 0.24 else float(ozone))
    return dict(columns=list(rows), data=rows, cats={"Month"}, target="Ozone", task="regression")


def plants():
    with open(PLANTS, newline="") as f:
        r = list(csv.DictReader(f))
    cols = ["plant", "treatment", "conc", "light", "uptake"]
    num = lambda s: math.nan if s == "" else float(s)
    data = {c: [(row[c] or None) if c in ("plant", "treatment") else num(row[c]) for row in r]
            for c in cols}
    return dict(columns=cols, data=data, cats={"plant", "treatment"}, target="uptake",
                task="regression")


def socio():
    rng = np.random.default_rng(1888)
    n = 47
    urban = rng.normal(0, 1, n)  # a latent "town vs country" factor shared by the indicators
    agri = np.clip(50 - 18 * urban + rng.normal(0, 12, n), 1, 90)
    exam = np.clip(16 + 5.5 * urban + rng.normal(0, 5, n), 3, 37)
    educ = np.clip(np.exp(2.2 + 0.55 * urban + rng.normal(0, 0.45, n)), 1, 53)
    cath = np.where(rng.random(n) < 0.55, rng.uniform(2, 16, n), rng.uniform(80, 100, n))
    infant = np.clip(rng.normal(19.9, 2.9, n), 10.8, 26.6)
    fert = (49.0 + 0.05 * agri - 0.45 * exam - 0.95 * educ + 0.11 * cath + 1.2 * infant
            + rng.normal(0, 5.5, n))
    data = {"Agriculture": list(np.round(agri, 1)), "Examination": list(np.round(exam)),
            "Education": list(np.round(educ)), "Catholic": list(np.round(cath, 2)),
            "Infant_Mortality": list(np.round(infant, 1)), "Fertility": list(np.round(fert, 1))}
    return dict(columns=list(data), data=data, cats=set(), target="Fertility", task="regression")


def _sk(name):
    from sklearn import datasets
    return getattr(datasets, name)


TABLES = {
    "iris": lambda: from_sklearn(_sk("load_iris"), "classification")(),
    "wine": lambda: from_sklearn(_sk("load_wine"), "classification")(),
    "breast_cancer": lambda: from_sklearn(_sk("load_breast_cancer"), "classification")(),
    "diabetes": lambda: from_sklearn(_sk("load_diabetes"), "regression")(),
    "digits": lambda: from_sklearn(_sk("load_digits"), "classification")(),
    "diabetes_missing": diabetes_missing,
    "air_quality": air_quality,
    "plants": plants,
    "socio": socio,
}
DEFAULT = [t for t in TABLES if t != "digits"]


def is_missing(v):
    return v is None or (isinstance(v, float) and math.isnan(v))


def write_csv(table, path):
    cols = table["columns"]
    n = len(table["data"][cols[0]])
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for i in range(n):
            row = []
            for c in cols:
                v = table["data"][c][i]
                row.append("" if is_missing(v) else (v if isinstance(v, str) else repr(float(v))))
            w.writerow(row)
    return n


# ---------------------------------------------------------------------------------------------
# Kiln

def kiln_train(kiln, ws, seed, target, extra):
    t0 = time.perf_counter()
    res = subprocess.run([kiln, "--workspace", ws, "train", "ds", "--target", target, "--seed", str(seed),
                          "--json"] + extra, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(f"kiln train failed ({' '.join(extra)}): {res.stderr or res.stdout}")
    doc = json.loads(res.stdout)
    run = os.path.join(ws, "runs", doc["run_id"])
    split = json.load(open(os.path.join(run, "split.json")))
    report = json.load(open(os.path.join(run, "report.json")))
    events = [json.loads(l) for l in open(os.path.join(run, "events.jsonl"))]
    logs = [e for e in events if e["event"] == "log"]
    cv_start = next((e["time"] for e in events if e["event"] == "started"), None)
    chose = next((e["time"] for e in logs if e["message"].startswith("model auto chose")), None)
    return dict(doc=doc, split=split, report=report, wall=wall,
                cv_s=(chose - cv_start) if chose and cv_start else None)


def kiln_score(doc, task):
    return 100 * doc["metrics"]["test_accuracy" if task == "classification" else "test_r2"]


# ---------------------------------------------------------------------------------------------
# scikit-learn on the same rows

def arrays(table):
    feats = [c for c in table["columns"] if c != table["target"]]
    cats = [c for c in feats if c in table["cats"]]
    nums = [c for c in feats if c not in table["cats"]]
    n = len(table["data"][feats[0]])
    Xc = np.array([["(missing)" if is_missing(v) else str(v) for v in table["data"][c]] for c in cats],
                  dtype=object).T.reshape(n, len(cats))
    Xn = np.array([[math.nan if is_missing(v) else float(v) for v in table["data"][c]] for c in nums],
                  dtype=float).T.reshape(n, len(nums))
    y = table["data"][table["target"]]
    y = np.array(y, dtype=object if table["task"] == "classification" else float)
    return Xc, Xn, y


def sklearn_models(task, ncat, nnum, seed):
    from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression, Ridge
    from sklearn.neural_network import MLPClassifier, MLPRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler, FunctionTransformer

    cat_idx, num_idx = list(range(ncat)), list(range(ncat, ncat + nnum))
    to_float = FunctionTransformer(lambda a: np.asarray(a, dtype=float))

    def dense():
        return ColumnTransformer(
            [("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), cat_idx),
             ("num", make_pipeline(to_float, SimpleImputer(strategy="median"), StandardScaler()), num_idx)])

    def trees():
        return ColumnTransformer(
            [("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan), cat_idx),
             ("num", to_float, num_idx)])

    mask = [True] * ncat + [False] * nnum
    cf = mask if ncat else None
    if task == "classification":
        return {"logistic": make_pipeline(dense(), LogisticRegression(max_iter=5000)),
                "mlp": make_pipeline(dense(), MLPClassifier(hidden_layer_sizes=(128, 64), max_iter=2000,
                                                            random_state=seed)),
                "hgb": make_pipeline(trees(), HistGradientBoostingClassifier(categorical_features=cf,
                                                                              random_state=seed))}
    scaled = lambda m: TransformedTargetRegressor(regressor=m, transformer=StandardScaler())
    return {"ridge": make_pipeline(dense(), Ridge(alpha=1.0)),
            "mlp": make_pipeline(dense(), scaled(MLPRegressor(hidden_layer_sizes=(128, 64), max_iter=5000,
                                                              random_state=seed))),
            "hgb": make_pipeline(trees(), HistGradientBoostingRegressor(categorical_features=cf,
                                                                        random_state=seed))}


def sklearn_scores(table, split, seed, fit_on):
    from sklearn.metrics import accuracy_score, r2_score
    Xc, Xn, y = arrays(table)
    X = np.concatenate([Xc, Xn.astype(object)], axis=1)
    fit = np.array(sorted(split["train"] + (split.get("val", []) if fit_on == "trainval" else [])))
    te = np.array(split["test"])
    warnings.filterwarnings("ignore")
    out = {}
    for name, model in sklearn_models(table["task"], Xc.shape[1], Xn.shape[1], seed).items():
        model.fit(X[fit], y[fit])
        p = model.predict(X[te])
        out[name] = 100 * (accuracy_score(y[te], p) if table["task"] == "classification"
                           else r2_score(y[te], p))
    return out


# ---------------------------------------------------------------------------------------------

def evaluate(kiln, name, seeds, families, fit_on, extra, verbose):
    table = TABLES[name]()
    task, target = table["task"], table["target"]
    per_seed = []
    with tempfile.TemporaryDirectory(prefix="kiln-tree-quality-") as tmp:
        path = os.path.join(tmp, name + ".csv")
        n = write_csv(table, path)
        ws = os.path.join(tmp, "ws")
        subprocess.run([kiln, "--workspace", ws, "import", path, "--name", "ds"], check=True,
                       capture_output=True)
        missing_target = sum(is_missing(v) for v in table["data"][target])
        for seed in seeds:
            k = kiln_train(kiln, ws, seed, target, extra)
            split = k["split"]
            used = set(split["train"]) | set(split.get("val", [])) | set(split["test"])
            bad = [i for i in used if is_missing(table["data"][target][i])]
            if bad:
                raise SystemExit(f"{name}: split.json holds {len(bad)} rows with a missing target")
            sk = sklearn_scores(table, split, seed, fit_on)
            row = {"seed": seed, "kiln": kiln_score(k["doc"], task), "wall_s": k["wall"], "cv_s": k["cv_s"],
                   "chosen": k["report"].get("model_choice", {}).get("chosen", k["report"].get("family")),
                   "cv": {c["family"]: round(100 * c["mean"], 2)
                          for c in k["report"].get("model_choice", {}).get("candidates", [])},
                   "sklearn": sk, "rows_used": len(used), "test_rows": len(split["test"])}
            for fam in families:
                f = kiln_train(kiln, ws, seed, target, ["--model", fam] + extra)
                row["kiln_" + fam] = kiln_score(f["doc"], task)
            per_seed.append(row)
            if verbose:
                print(f"  {name} seed {seed}: kiln {row['kiln']:.2f} ({row['chosen']}; CV {row['cv']}) "
                      + " ".join(f"{m} {v:.2f}" for m, v in sk.items())
                      + "".join(f" kiln_{fam} {row['kiln_' + fam]:.2f}" for fam in families)
                      + f"  {row['wall_s']:.1f} s", flush=True)
    mean = lambda key: statistics.fmean(r[key] for r in per_seed)
    sk_mean = {m: statistics.fmean(r["sklearn"][m] for r in per_seed) for m in per_seed[0]["sklearn"]}
    best_name = max(sk_mean, key=sk_mean.get)
    kiln_mean = mean("kiln")
    tol = 2.0 if task == "classification" else 3.0
    return {"dataset": name, "task": task, "metric": "accuracy" if task == "classification" else "r2x100",
            "rows": n, "missing_target_rows_dropped": missing_target,
            "test_rows": per_seed[0]["test_rows"], "seeds": seeds,
            "chosen": [r["chosen"] for r in per_seed],
            "kiln": round(kiln_mean, 2), "kiln_per_seed": [round(r["kiln"], 2) for r in per_seed],
            "kiln_cv": [r["cv"] for r in per_seed],
            **{"kiln_" + fam: round(mean("kiln_" + fam), 2) for fam in families},
            "sklearn": {m: round(v, 2) for m, v in sk_mean.items()},
            "sklearn_per_seed": [{m: round(v, 2) for m, v in r["sklearn"].items()} for r in per_seed],
            "sklearn_best": best_name, "gap": round(sk_mean[best_name] - kiln_mean, 2), "tolerance": tol,
            "within": bool(sk_mean[best_name] - kiln_mean <= tol),
            "at_or_above": bool(kiln_mean >= sk_mean[best_name] - 1e-9),
            "kiln_wall_s": [round(r["wall_s"], 1) for r in per_seed],
            "kiln_wall_s_median": round(statistics.median(r["wall_s"] for r in per_seed), 1),
            "kiln_cv_s_median": (round(statistics.median(r["cv_s"] for r in per_seed), 1)
                                 if all(r["cv_s"] for r in per_seed) else None),
            "sklearn_fit_rows": "train+val" if "trainval" == fit_on else "train"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiln", default=os.path.join(ROOT, "build", "app", "cli", "kiln"))
    ap.add_argument("--datasets", default=",".join(DEFAULT), help="comma list, or all")
    ap.add_argument("--seeds", default="0,1,2")
    ap.add_argument("--families", default="", help="also train Kiln with these families forced")
    ap.add_argument("--sk-fit", choices=["trainval", "train"], default="trainval")
    ap.add_argument("--extra", default="", help="more arguments for every kiln train")
    ap.add_argument("--verbose", action="store_true", help="a line per seed")
    a = ap.parse_args()
    names = list(TABLES) if a.datasets == "all" else a.datasets.split(",")
    seeds = [int(s) for s in a.seeds.split(",")]
    families = [f for f in a.families.split(",") if f]
    print(f"Kiln `kiln train DS --target T --seed S` (auto) vs scikit-learn fitted on the run's "
          f"{'train+val' if a.sk_fit == 'trainval' else 'train'} rows, scored on its test rows; "
          f"mean of seeds {a.seeds}; accuracy %, R² x 100", flush=True)
    results = []
    for name in names:
        r = evaluate(a.kiln, name, seeds, families, a.sk_fit, a.extra.split(), a.verbose)
        results.append(r)
        sk = "  ".join(f"{m} {v:6.2f}" for m, v in r["sklearn"].items())
        fam = "".join(f"  kiln_{f} {r['kiln_' + f]:6.2f}" for f in families)
        drop = f" ({r['missing_target_rows_dropped']} missing-target rows dropped)" \
            if r["missing_target_rows_dropped"] else ""
        print(f"{name:16s} {r['metric']:8s} n={r['rows']:<4d} test={r['test_rows']:<3d} "
              f"kiln {r['kiln']:6.2f} [{','.join(r['chosen'])}]  sklearn {sk}  "
              f"gap {r['gap']:+6.2f} {'ok' if r['within'] else 'MISS'}{' >=' if r['at_or_above'] else ''}"
              f"{fam}  kiln wall {r['kiln_wall_s_median']:.1f} s (CV {r['kiln_cv_s_median']} s){drop}",
              flush=True)
    within = sum(r["within"] for r in results)
    above = sum(r["at_or_above"] for r in results)
    ok = within == len(results) and 2 * above >= len(results)
    print(f"summary: within tolerance (2 acc / 3 R²x100) on {within}/{len(results)}; at or above sklearn's "
          f"best on {above}/{len(results)} (target: all, and at least half) -> {'MET' if ok else 'NOT MET'}; "
          f"misses: {', '.join('%s (%+.2f)' % (r['dataset'], r['gap']) for r in results if not r['within']) or 'none'}")
    print(json.dumps({"bench": "tree_quality", "sklearn_fit_rows": a.sk_fit, "seeds": seeds,
                      "within": within, "at_or_above": above, "tables": len(results), "met": ok,
                      "results": results}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
