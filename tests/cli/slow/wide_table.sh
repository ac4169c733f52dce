#!/bin/bash
# Issue 11 item 16 (and the profile of item 17): a 20,000-column CSV imports, and profiles, under
# `ulimit -n 1024` within 2 GB of memory. Usage: wide_table.sh KILN TMPDIR import|stats.
# Peak memory is measured with /usr/bin/time -f %M (Debian package `time`); a watchdog kills a
# command that passes 2 GB, so a regression fails quickly instead of exhausting the machine.
set -u
kiln=$1 tmp=$2 step=$3
limit_kb=$((2 * 1024 * 1024))
mkdir -p "$tmp"
csv=$tmp/wide.csv ws=$tmp/ws
fail() { echo "FAIL: $*"; exit 1; }

# Runs "$@" under `ulimit -n 1024`, its stdout to $tmp/out; sets rss_kb (peak, in KiB).
measured() {
  ( ulimit -n 1024 && exec /usr/bin/time -f %M -o "$tmp/rss" "$@" ) > "$tmp/out" 2> "$tmp/err" &
  local pid=$! child hwm
  while kill -0 $pid 2>/dev/null; do
    child=$(pgrep -P $pid | head -1)
    hwm=$( [ -n "$child" ] && awk '/VmHWM/ { print $2 }' /proc/$child/status 2>/dev/null)
    if [ -n "$hwm" ] && [ "$hwm" -gt $limit_kb ]; then
      kill -9 "$child"; wait $pid; fail "$* passed 2 GB (${hwm} KiB): killed"
    fi
    sleep 0.2
  done
  wait $pid; local rc=$?
  rss_kb=$(tail -1 "$tmp/rss")
  [ $rc -eq 0 ] || fail "$* exited $rc: $(tail -3 "$tmp/err")"
  [ "$rss_kb" -le $limit_kb ] || fail "$* peaked at $rss_kb KiB (limit $limit_kb)"
  echo "ok: ${*:2:2} peak ${rss_kb} KiB"
}

# 20,000 columns (floats, integers with a missing cell, categories, some text) x 300 rows.
awk 'BEGIN {
  for (c = 0; c < 20000; c++) printf "%sc%d", (c ? "," : ""), c; print "";
  for (r = 0; r < 300; r++) {
    for (c = 0; c < 20000; c++) {
      k = c % 4
      v = k == 0 ? sprintf("%.2f", (r * c) % 1000 / 7) : k == 1 ? (r == c % 300 ? "" : (r + c) % 100) \
        : k == 2 ? "k" (r * c) % 5 : "t" r "_" c
      printf "%s%s", (c ? "," : ""), v
    }
    print ""
  } }' > "$csv" || fail "cannot write the CSV"

measured "$kiln" import "$csv" --workspace "$ws" --json
grep -q '"rows": 300' "$tmp/out" || fail "not 300 rows: $(head -c 300 "$tmp/out")"
[ "$(grep -c '"name": "c' "$tmp/out")" -eq 20000 ] || fail "not 20000 columns"
hash=$(grep -m1 '"hash"' "$tmp/out")
if [ "$step" = import ]; then
  # The same file again: identical content, the same hash, no new version.
  measured "$kiln" import "$csv" --workspace "$ws" --json
  grep -q '"created": false' "$tmp/out" || fail "a second import made a new version"
  [ "$(grep -m1 '"hash"' "$tmp/out")" = "$hash" ] || fail "the hash changed"
  echo "ok: 20000 columns imported, re-import unchanged"
else
  measured "$kiln" stats wide --workspace "$ws" --json
  grep -q '"c19999"' "$tmp/out" || fail "stats lack the last column"
  echo "ok: 20000 columns profiled"
fi
rm -rf "$ws" "$csv"  # 30 MB of CSV and its objects: nothing left to look at once it passed
