#!/usr/bin/python3
"""Kiln Studio's start on an empty workspace, offscreen (QT_QPA_PLATFORM=offscreen), median of
--repeat runs.

usage: /usr/bin/python3 bench/studio_startup.py [--build BUILD] [--old OLD_KILN_STUDIO] [--repeat 10]

For this build: `kiln-studio --startup-report` prints when its first window painted, measured
inside the process from its start time in /proc (10 ms resolution), and which heavy libraries
were mapped by then; the whole process is timed from outside (it exits once the environment
probe, started after the first paint, has loaded the engines behind the window).
For an older build (--old, one without --startup-report), `kiln-studio --version` is timed:
it loads every library the binary links and makes the QApplication, but paints nothing, so it
is a floor under that build's first paint. Target: first window within 0.5 s.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def timed(cmd, env):
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    return time.perf_counter() - start, out.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--old", help="an older kiln-studio to time beside this one")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    studio = os.path.join(args.build, "app", "studio", "kiln-studio")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_RUNTIME_DIR=tmp)
        ws = os.path.join(tmp, "ws")
        painted, whole, old, mapped = [], [], [], set()
        for _ in range(args.repeat):
            seconds, out = timed([studio, "--workspace", ws, "--startup-report"], env)
            m = re.search(r"painted (\d+) ms after start; heavy libraries mapped: (.*)", out)
            if not m:
                raise SystemExit("no startup report from %s: %r" % (studio, out))
            painted.append(int(m.group(1)) / 1000.0)
            mapped.add(m.group(2).strip())
            whole.append(seconds)
            if args.old:
                old.append(timed([args.old, "--version"], env)[0])
    result = {"first_paint_s": statistics.median(painted), "whole_process_s": statistics.median(whole),
              "heavy_libraries_at_first_paint": sorted(mapped), "target_s": 0.5}
    print("this build: first window painted after %.3f s (median of %d); whole process, the engines "
          "loaded behind the window, %.3f s; "
          "heavy libraries mapped then: %s" % (result["first_paint_s"], args.repeat,
                                                result["whole_process_s"], ", ".join(sorted(mapped))))
    if old:
        result["old_version_s"] = statistics.median(old)
        result["ratio_old_floor_over_first_paint"] = result["old_version_s"] / result["first_paint_s"]
        print("old build: --version alone (its libraries loaded, nothing painted) %.3f s: %.1fx the new "
              "first paint" % (result["old_version_s"], result["ratio_old_floor_over_first_paint"]))
    print("target: first window within %.1f s: %s" % (0.5, "met" if result["first_paint_s"] < 0.5 else "NOT met"))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
