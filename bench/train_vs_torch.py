#!/usr/bin/python3
"""Training throughput: Kiln's worker (LibTorch C++) against PyTorch-Python, same MLP.

usage: /usr/bin/python3 bench/train_vs_torch.py --kiln BUILD/app/cli/kiln [--threads 1] [--epochs 5]
                                                [--cnn BUILD/bench/kiln_train_cnn_bench]

Workload (as ../shared/bench/train_torch_py.py --which mlp): MLP 30-128-64-2 (ReLU), Adam lr 1e-3,
batch 256, cross-entropy, on sklearn's breast cancer standardised and resampled with jitter to
200,000 rows. Kiln gets the same rows as a CSV dataset and trains it through the real product
path (`kiln train`: worker process, feature recipe, per-batch cancel check, NaN check, events,
per-epoch checkpoint); its samples/s is the training loop's rows / epoch seconds, as the worker
records it. One warm-up epoch each, then --epochs timed epochs; medians are compared.
Prints a line per side, the ratio (target ≥ 1.3), and one JSON line.

With --cnn, also the CNNs (conv16-conv32-fc128-fc10, Adam, batch 64, 10,240 images of 1×28×28 and
3×32×32): Kiln trains PNG files imported as an image dataset (decoded once, normalised per batch)
through kiln_train_cnn_bench, PyTorch-Python trains float tensors (train_torch_py.py cnn28, cnn32);
target ≥ 1.0.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

import numpy as np

# The peer scripts sit in ../shared/bench beside the checkout.
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER = os.path.join(os.path.dirname(ROOT), "shared", "bench", "train_torch_py.py")
ROWS = 200_000


def tabular_csv(path, seed=0):
    from sklearn.datasets import load_breast_cancer
    X, y = load_breast_cancer(return_X_y=True)
    X = (X - X.mean(0)) / X.std(0)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, X.shape[0], size=ROWS)
    Xb = (X[idx] + rng.normal(0.0, 0.1, size=(ROWS, X.shape[1]))).astype(np.float32)
    with open(path, "w") as f:
        f.write(",".join(f"f{i}" for i in range(X.shape[1])) + ",y\n")
        labels = np.where(y[idx] == 1, "benign", "malignant")
        for row, label in zip(Xb, labels):
            f.write(",".join(f"{v:.6g}" for v in row) + "," + label + "\n")


def kiln_side(kiln, threads, epochs):
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, KILN_WORKSPACE=os.path.join(tmp, "ws"))
        csv = os.path.join(tmp, "bench.csv")
        tabular_csv(csv)
        subprocess.run([kiln, "import", csv, "--name", "bench"], check=True, env=env, capture_output=True)
        args = [kiln, "train", "bench", "--target", "y", "--model", "mlp", "--hidden", "128,64",
                "--optimizer", "adam", "--lr", "0.001", "--batch-size", "256", "--epochs", str(epochs + 1),
                "--early-stopping", "0", "--split", "1,0,0", "--threads", str(threads), "--json"]
        done = subprocess.run(args, check=True, env=env, capture_output=True, text=True)
        run_id = json.loads(done.stdout)["run_id"]
        shown = subprocess.run([kiln, "run", "show", run_id, "--json"], check=True, env=env,
                               capture_output=True, text=True)
        history = json.loads(shown.stdout)["history"]
        sps = [v for _, v in history["samples_per_s"]][1:]  # epoch 1 is the warm-up
        losses = [v for _, v in history["train_loss"]]
    return {"samples_per_s": sps, "median": statistics.median(sps), "loss_first": losses[0], "loss_last": losses[-1]}


def write_png(path, arr):
    import struct
    import zlib
    h, w = arr.shape[:2]
    colour = arr.ndim == 3
    raw = b"".join(b"\x00" + arr[y].tobytes() for y in range(h))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    header = struct.pack(">IIBBBBB", w, h, 8, 2 if colour else 0, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))


def image_folder(root, c, hw, count=10_240, seed=0):
    rng = np.random.default_rng(seed)
    templates = rng.normal(0, 1, size=(10, hw, hw, c))
    y = rng.integers(0, 10, size=count)
    for k in range(10):
        os.makedirs(os.path.join(root, f"class{k}"), exist_ok=True)
    for i, label in enumerate(y):
        x = 0.5 * templates[label] + rng.normal(0, 1, size=(hw, hw, c))
        pixels = np.clip(128 + 40 * x, 0, 255).astype(np.uint8)
        write_png(os.path.join(root, f"class{label}", f"{i:05d}.png"), pixels if c == 3 else pixels[:, :, 0])


def cnn_side(bench, threads, epochs, c, hw):
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "images")
        image_folder(folder, c, hw)
        out = subprocess.run([bench, folder, os.path.join(tmp, "ws"), str(hw), str(epochs + 1), str(threads)],
                             check=True, capture_output=True, text=True).stdout
    sps = json.loads(out)["samples_per_s"][1:]
    return {"samples_per_s": sps, "median": statistics.median(sps)}


def torch_cnn(threads, epochs, name):
    out = subprocess.run([sys.executable, PEER, "--which", name, "--threads", str(threads), "--cnn-epochs", str(epochs)],
                         check=True, capture_output=True, text=True).stdout
    w = json.loads(out.strip().splitlines()[-1])["workloads"][name]
    return {"samples_per_s": w["samples_per_s"]["runs"], "median": w["samples_per_s"]["median"]}


def torch_side(threads, epochs):
    out = subprocess.run([sys.executable, PEER, "--which", "mlp", "--threads", str(threads), "--epochs", str(epochs)],
                         check=True, capture_output=True, text=True).stdout
    doc = json.loads(out.strip().splitlines()[-1])
    w = doc["workloads"]["mlp"]
    return {"samples_per_s": w["samples_per_s"]["runs"], "median": w["samples_per_s"]["median"],
            "loss_first": w["loss_first_epoch"], "loss_last": w["loss_last_epoch"], "torch": doc["torch"],
            "threads": doc["torch_num_threads"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--cnn", help="path of kiln_train_cnn_bench: also compare the CNNs")
    ap.add_argument("--cnn-epochs", type=int, default=3)
    a = ap.parse_args()
    kiln = kiln_side(a.kiln, a.threads, a.epochs)
    py = torch_side(a.threads, a.epochs)
    ratio = kiln["median"] / py["median"]
    print(f"kiln (LibTorch C++ worker): {kiln['median']:10.0f} samples/s  (epochs: "
          + ", ".join(f"{v:.0f}" for v in kiln["samples_per_s"]) + ")")
    print(f"PyTorch-Python {py['torch']}:   {py['median']:10.0f} samples/s  (epochs: "
          + ", ".join(f"{v:.0f}" for v in py["samples_per_s"]) + ")")
    print(f"ratio kiln / pytorch: {ratio:.2f}x  (target >= 1.3x; {a.threads} thread(s) each)")
    doc = {"bench": "train_vs_torch", "threads": a.threads, "kiln": kiln, "pytorch": py,
           "ratio": round(ratio, 3), "target": 1.3}
    ok = ratio >= 1.3
    if a.cnn:
        for name, c, hw in (("cnn28", 1, 28), ("cnn32", 3, 32)):
            k, p = cnn_side(a.cnn, a.threads, a.cnn_epochs, c, hw), torch_cnn(a.threads, a.cnn_epochs, name)
            r = k["median"] / p["median"]
            print(f"{name}: kiln {k['median']:8.0f} samples/s, pytorch {p['median']:8.0f} samples/s, "
                  f"ratio {r:.2f}x (target >= 1.0x)")
            doc[name] = {"kiln": k, "pytorch": p, "ratio": round(r, 3), "target": 1.0}
            ok = ok and r >= 1.0
    print(json.dumps(doc))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
