#!/usr/bin/env bash
# Runs the anchor solvers (OR-Tools, VROOM, PyVRP) through /work/shared/anchors/run_anchor.py,
# one solver and one instance at a time, appending one JSON line per run to an output file.
#
# Usage: Benchmarks/run-anchors.sh OUTPUT.jsonl SECONDS "SOLVER..." INSTANCE_PATH...
#   e.g. Benchmarks/run-anchors.sh Benchmarks/anchors-2026-11-25.jsonl 10 "ortools vroom pyvrp" \
#          ../shared/data/bench/tsplib/kroA100.tsp ../shared/data/bench/solomon/C101.txt
# Environment:
#   ANCHORS_VENV       venv to create/use, outside the repository (default /tmp/tournee-anchors-venv)
#   ANCHORS_DIR        folder holding run_anchor.py and requirements.lock.txt
#                      (default: <repo root>/../shared/anchors)
#   ANCHORS_OBJECTIVE  objective for instances with time windows (.txt): hierarchical (default)
#                      or distance; TSP and CVRP instances always use distance.
#   ANCHORS_SEED       seed passed to every solver (default 1)
set -euo pipefail

if [ "$#" -lt 4 ]; then
    sed -n '2,15p' "$0" >&2
    exit 64
fi
output=$1; seconds=$2; solvers=$3; shift 3

repo_root=$(cd "$(dirname "$0")/.." && pwd)
anchors_dir=${ANCHORS_DIR:-$repo_root/../shared/anchors}
venv=${ANCHORS_VENV:-/tmp/tournee-anchors-venv}
objective=${ANCHORS_OBJECTIVE:-hierarchical}
seed=${ANCHORS_SEED:-1}

if [ ! -f "$anchors_dir/run_anchor.py" ]; then
    echo "run-anchors: $anchors_dir/run_anchor.py not found (set ANCHORS_DIR)" >&2
    exit 69
fi
case "$venv" in
    "$repo_root"/*) echo "run-anchors: ANCHORS_VENV must be outside the repository" >&2; exit 64 ;;
esac
# The marker records which lock file the venv was built from, so a half-built venv or a changed
# lock file triggers a reinstall instead of a run with the wrong solver versions.
lock="$anchors_dir/requirements.lock.txt"
marker="$venv/.tournee-anchors-lock"
if ! cmp -s "$lock" "$marker"; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r "$lock"
    cp "$lock" "$marker"
fi

for instance in "$@"; do
    if [ ! -f "$instance" ]; then
        echo "run-anchors: instance $instance not found" >&2
        exit 66
    fi
done
# Solver by solver, one process at a time: the machine has 2 cores.
for solver in $solvers; do
    for instance in "$@"; do
        args=("$instance" "$solver" "$seconds" --seed "$seed")
        case "$instance" in
            *.txt) args+=(--objective "$objective") ;;
        esac
        echo "run-anchors: $solver $(basename "$instance") ${seconds}s" >&2
        "$venv/bin/python" "$anchors_dir/run_anchor.py" "${args[@]}" >> "$output"
    done
done
