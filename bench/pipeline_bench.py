#!/usr/bin/python3
"""kiln pipeline: the cost of plans, cached re-runs and steps against the same kiln commands by hand.

usage: /usr/bin/python3 bench/pipeline_bench.py [--build build] [--rows 20000] [--runs 5]

Writes a CSV (8 numeric columns and a class), then in fresh workspaces times:
  - the steps by hand: kiln import --newest, kiln validate, kiln train, kiln export,
    kiln model register, kiln model promote (one process each, as a script would run them);
  - the same 6-step pipeline (import, validate, train, export, promote + a gate) run once;
  - `kiln pipeline plan` and a cached re-run of the unchanged pipeline (medians of --runs).
Targets (issue 16): cached re-run under 1 s, plan under 0.3 s, step overhead under 10%.
Prints one JSON document.
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def write_csv(path, rows):
    rng = random.Random(0)
    with open(path, "w") as out:
        out.write(",".join(f"x{i}" for i in range(8)) + ",label\n")
        for _ in range(rows):
            xs = [rng.gauss(0, 1) for _ in range(8)]
            label = "yes" if xs[0] + 0.5 * xs[1] + rng.gauss(0, 0.5) > 0 else "no"
            out.write(",".join(f"{x:.5f}" for x in xs) + f",{label}\n")


def timed(cmd, env):
    t0 = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{done.stdout}\n{done.stderr}")
    return seconds, done.stdout


PIPELINE = """name: bench
steps:
  - import: {{path: incoming/data-*.csv, newest: true, dataset: data}}
  - validate: {{dataset: data, max_missing: 0.05}}
  - train: {{dataset: data, target: label, model: linear, seed: 0}}
  - gate: {{metric: test_accuracy, at_least: 0.5, beat: production, model: bench}}
  - export: {{onnx: {onnx}}}
  - promote: {{model: bench, stage: production}}
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    kiln = os.path.join(os.path.abspath(args.build), "app", "cli", "kiln")
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "incoming"))
        write_csv(os.path.join(tmp, "incoming", "data-1.csv"), args.rows)
        env = dict(os.environ, KILN_WORKSPACE=os.path.join(tmp, "hand"))
        subprocess.run([kiln, "init", env["KILN_WORKSPACE"]], env=env, check=True, capture_output=True)
        hand = 0.0
        s, _ = timed([kiln, "import", os.path.join(tmp, "incoming", "data-*.csv"), "--newest", "--name", "data"], env)
        hand += s
        s, _ = timed([kiln, "validate", "data"], env)
        hand += s
        s, out = timed([kiln, "train", "data", "--target", "label", "--model", "linear", "--seed", "0", "--json"], env)
        hand += s
        run_id = json.loads(out)["run_id"]
        s, _ = timed([kiln, "export", run_id, "--onnx", os.path.join(tmp, "hand.onnx")], env)
        hand += s
        s, _ = timed([kiln, "model", "register", run_id, "--name", "bench"], env)
        hand += s
        s, _ = timed([kiln, "model", "promote", "bench@1", "--stage", "production"], env)
        hand += s

        with open(os.path.join(tmp, "pipeline.yaml"), "w") as f:
            f.write(PIPELINE.format(onnx=os.path.join(tmp, "pipe.onnx")))
        env = dict(os.environ, KILN_WORKSPACE=os.path.join(tmp, "pipe"))
        subprocess.run([kiln, "init", env["KILN_WORKSPACE"]], env=env, check=True, capture_output=True)
        pipeline_file = os.path.join(tmp, "pipeline.yaml")
        first, _ = timed([kiln, "pipeline", "run", pipeline_file], env)
        timed([kiln, "pipeline", "run", pipeline_file], env)  # the gate reads the new production once
        cached = statistics.median(timed([kiln, "pipeline", "run", pipeline_file, "--json"], env)[0]
                                   for _ in range(args.runs))
        plan = statistics.median(timed([kiln, "pipeline", "plan", pipeline_file], env)[0] for _ in range(args.runs))
        _, last = timed([kiln, "pipeline", "run", pipeline_file, "--json"], env)
        statuses = [s["status"] for s in json.loads(last)["steps"]]
    print(json.dumps({
        "rows": args.rows,
        "by_hand_s": round(hand, 3),
        "pipeline_first_run_s": round(first, 3),
        "step_overhead": round(first / hand - 1, 3),
        "cached_rerun_s": round(cached, 3),
        "plan_s": round(plan, 4),
        "cached_statuses": statuses,
        "targets": {"cached_rerun_s": "< 1", "plan_s": "< 0.3", "step_overhead": "< 0.10 (the pipeline also gates)"},
    }, indent=2))


if __name__ == "__main__":
    main()
