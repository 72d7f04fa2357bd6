#!/usr/bin/env bash
# Runs `tournee bench` (release build) on benchmark instances, one process per instance so that
# peak_rss_mb belongs to that instance, appending one JSON line per run to an output file.
#
# Usage: Benchmarks/run-tournee.sh OUTPUT.jsonl SECONDS INSTANCE_PATH...
#   e.g. Benchmarks/run-tournee.sh Benchmarks/tournee-2026-11-25.jsonl 10 \
#          ../shared/data/bench/tsplib/kroA100.tsp ../shared/data/bench/solomon/C101.txt
# Environment:
#   TOURNEE_SEED       seed (default 1)
#   TOURNEE_OBJECTIVE  objective for instances with time windows: distance or hierarchical
#                      (default: the literature's, hierarchical for Solomon/Gehring–Homberger .txt)
#   TOURNEE_ROUTES     folder for the route files, scorable by run_anchor.py --evaluate
#                      (default: no route files)
#   TOURNEE_BKS        best-known table (default <repo root>/../shared/data/bench/bks.csv)
# Build first: swift build -c release --product tournee
set -euo pipefail

if [ "$#" -lt 3 ]; then
    sed -n '2,17p' "$0" >&2
    exit 64
fi
output=$1; seconds=$2; shift 2

repo_root=$(cd "$(dirname "$0")/.." && pwd)
tournee="$repo_root/.build/release/tournee"
bks=${TOURNEE_BKS:-$repo_root/../shared/data/bench/bks.csv}
if [ ! -x "$tournee" ]; then
    echo "run-tournee: $tournee not found (swift build -c release --product tournee)" >&2
    exit 69
fi
args=(--time-limit "$seconds" --seed "${TOURNEE_SEED:-1}" --bks "$bks")
[ -n "${TOURNEE_OBJECTIVE:-}" ] && args+=(--objective "$TOURNEE_OBJECTIVE")
[ -n "${TOURNEE_ROUTES:-}" ] && args+=(--routes "$TOURNEE_ROUTES")
# One instance at a time: the machine has 2 cores.
for instance in "$@"; do
    echo "run-tournee: $(basename "$instance") ${seconds}s, load $(cut -d' ' -f1 /proc/loadavg)" >&2
    "$tournee" bench "$instance" "${args[@]}" >> "$output"
done
