#!/usr/bin/env python3
"""Overhead of a remote run over a local one: the same 1-epoch `kiln train` on this machine and
`--on` a host reached over SSH on loopback (a real sshd started here, as the remote tests do).

Prints the median wall time of each, the first remote run (which stages the dataset) apart,
and the overhead. Usage: bench/remote_overhead.py [--kiln build/app/cli/kiln] [--repeat 5]
"""
import argparse
import os
import pathlib
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def keygen(path):
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kiln-bench", "-f", str(path)],
                   check=True)


def start_sshd(tmp):
    os.makedirs("/run/sshd", exist_ok=True)
    keygen(tmp / "hostkey")
    keygen(tmp / "userkey")
    shutil.copy(tmp / "userkey.pub", tmp / "authorized_keys")
    port = free_port()
    (tmp / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {tmp / 'hostkey'}\n"
        f"AuthorizedKeysFile {tmp / 'authorized_keys'}\nPidFile none\nStrictModes no\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
        "PermitRootLogin prohibit-password\nUsePAM no\nLogLevel ERROR\n")
    proc = subprocess.Popen(["/usr/sbin/sshd", "-D", "-f", str(tmp / "sshd_config"), "-E",
                             str(tmp / "sshd.log")])
    for _ in range(200):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return proc, port
        time.sleep(0.05)
    raise SystemExit("sshd did not start: " + (tmp / "sshd.log").read_text())


def kiln(args, ws, *rest, check=True):
    cmd = [args.kiln, "--workspace", str(ws), *rest]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{r.stderr}")
    return r


def timed(args, ws, *rest):
    t = time.perf_counter()
    kiln(args, ws, *rest)
    return time.perf_counter() - t


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kiln", default=str(ROOT / "build" / "app" / "cli" / "kiln"))
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--data", default=str(ROOT / "tests" / "fixtures" / "data" / "wine.csv"))
    args = p.parse_args()
    args.kiln = str(pathlib.Path(args.kiln).resolve())
    with tempfile.TemporaryDirectory() as t:
        tmp = pathlib.Path(t)
        sshd, port = start_sshd(tmp)
        try:
            ws = tmp / "ws"
            user = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
            kiln(args, ws, "init")
            kiln(args, ws, "import", args.data, "--name", "bench")
            kiln(args, ws, "hosts", "add", "loopback", "--ssh", f"{user}@127.0.0.1:{port}",
                 "--identity", str(tmp / "userkey"), "--kiln", args.kiln, "--workdir",
                 str(tmp / "remote"))
            fp = subprocess.run(["ssh-keygen", "-lf", str(tmp / "hostkey.pub")], capture_output=True,
                                text=True).stdout.split()[1]
            kiln(args, ws, "hosts", "trust", "loopback", "--fingerprint", fp)
            train = ["train", "bench", "--target", "cultivar", "--epochs", "1", "--seed", "1"]
            first_remote = timed(args, ws, *train, "--on", "loopback")
            local, remote = [], []
            for _ in range(args.repeat):
                local.append(timed(args, ws, *train))
                remote.append(timed(args, ws, *train, "--on", "loopback"))
        finally:
            sshd.terminate()
            sshd.wait()
    lm, rm = statistics.median(local), statistics.median(remote)
    print(f"1-epoch run, {args.repeat} of each, medians (wall, kiln train as a user runs it):")
    print(f"  local                      {lm:6.2f} s")
    print(f"  on loopback over SSH       {rm:6.2f} s")
    print(f"  first remote (stages data) {first_remote:6.2f} s")
    print(f"  overhead of remote         {rm - lm:+6.2f} s  (target: under 2 s)")
    print(f"  overhead, first run        {first_remote - lm:+6.2f} s")


if __name__ == "__main__":
    sys.exit(main())
