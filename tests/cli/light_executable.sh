#!/bin/bash
# The `kiln` front end links no heavy engine (LibTorch, OpenCV, ONNX, protobuf, XGBoost, OpenMP),
# answers its own verbs without kiln-engine, and says clearly when the engine is missing for the
# others. Usage: light_executable.sh KILN [LIBKILN_BASE LIBKILN_ENGINES]
set -euo pipefail
kiln=$(readlink -f "$1")
fail() { echo "FAIL: $*" >&2; exit 1; }

# kiln_base never calls into kiln_engines (given the two libraries).
if [ $# -ge 3 ]; then
  defined=$(nm -C --defined-only "$3" | awk '$2 ~ /^[TW]$/ {$1 = ""; $2 = ""; print substr($0, 3)}' | sort -u)
  wanted=$(nm -C -u "$2" | sed 's/^ *U //' | sort -u)
  crossing=$(comm -12 <(echo "$defined") <(echo "$wanted") || true)
  [ -z "$crossing" ] || fail "kiln_base calls into kiln_engines: $crossing"
fi

needed=$(readelf -d "$kiln" | grep NEEDED || true)
heavy=$(echo "$needed" | grep -E -i "torch|c10|opencv|onnx|protobuf|xgboost|gomp" || true)
[ -z "$heavy" ] || fail "kiln links a heavy engine: $heavy"

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$kiln" --workspace "$dir/ws" init >/dev/null
# Answered by the front end: no engine needed.
KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --workspace "$dir/ws" datasets >/dev/null ||
  fail "kiln datasets needed the engine"
KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --workspace "$dir/ws" runs --json >/dev/null ||
  fail "kiln runs needed the engine"
KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --version | grep -q "^kiln " ||
  fail "kiln --version needed the engine"
printf 'x,label\n1,a\n2,b\n3,a\n' >"$dir/small.csv"
KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --workspace "$dir/ws" import "$dir/small.csv" >/dev/null ||
  fail "kiln import of a CSV file needed the engine"
# An option's value is not taken for a folder to import (here --name names an existing folder).
mkdir -p "$dir/pictures/cat"
(cd "$dir" && KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --workspace ws import small.csv \
   --name pictures >/dev/null) || fail "kiln import --name FOLDER-NAME needed the engine"
# An image folder is decoded by the engine: without it, the front end says so.
if KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --workspace "$dir/ws" import "$dir/pictures" \
     2>"$dir/err"; then
  fail "kiln import of an image folder ran without its engine"
fi
grep -q "cannot start the Kiln engine" "$dir/err" || fail "unclear error: $(cat "$dir/err")"
# Handed to the engine: a missing one is named, with the way to fix it.
if KILN_ENGINE=/nonexistent/kiln-engine "$kiln" --workspace "$dir/ws" info 2>"$dir/err"; then
  fail "kiln info ran without its engine"
fi
grep -q "cannot start the Kiln engine" "$dir/err" || fail "unclear error: $(cat "$dir/err")"
# The engine beside it answers the rest, with the same arguments.
"$kiln" --workspace "$dir/ws" info --json | grep -q '"libtorch"' || fail "kiln info through the engine"
echo "kiln front end: $(echo "$needed" | wc -l) shared libraries, none of them a heavy engine"
