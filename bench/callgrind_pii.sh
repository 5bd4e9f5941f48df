#!/usr/bin/env bash
# Count the instructions of one detect() pass over the independent dev set's 500-character
# messages (201 of them) under callgrind: a figure a loaded machine does not move.
#   bench/callgrind_pii.sh              # this checkout
#   bench/callgrind_pii.sh OTHER/src    # another source tree (e.g. a `git archive` of main)
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go=$work/go
PYTHONHASHSEED=0 PYTHONPATH=$tree valgrind --tool=callgrind --instr-atstart=no \
  --callgrind-out-file="$work/callgrind.out" .venv/bin/python bench/pii_callgrind_driver.py "$go" \
  > "$work/log" 2>&1 &
vg=$!
while [ ! -f "$go.ready" ]; do sleep 1; done
callgrind_control -i on "$(cat "$go.ready")" > /dev/null 2>&1
touch "$go"
while [ ! -f "$go.done" ]; do sleep 1; done
callgrind_control -i off "$(cat "$go.ready")" > /dev/null 2>&1
count=$(cat "$go.done")
rm -f "$go"
wait $vg
callgrind_annotate "$work/callgrind.out" > "$work/annotated" 2>/dev/null
total=$(grep "PROGRAM TOTALS" "$work/annotated" | head -n 1 | awk '{gsub(",","",$1); print $1}')
echo "instructions: $total for $count messages = $((total / count)) per 500-char message"
