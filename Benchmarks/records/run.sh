#!/usr/bin/env bash
# Records benchmark: import SEASONS generated seasons of EVENTS evenings each (plan, then one
# record per evening from a CSV sheet) into a fresh database, then time the report of the last
# season in each format. Usage: Benchmarks/records/run.sh SEASONS EVENTS [WORKDIR]
# Needs a release build: swift build -c release --product tournee
set -euo pipefail
seasons=$1 events=$2 work=${3:-/tmp/tournee-records-bench}
root=$(cd "$(dirname "$0")/../.." && pwd)
tournee=$root/.build/release/tournee
rm -rf "$work" && mkdir -p "$work"
python3 "$root/Benchmarks/records/generate.py" "$work" "$seasons" "$events"
db=$work/bench.db
"$tournee" db init --db "$db" > /dev/null
seconds() { local start=$(date +%s.%N); "$@" > /dev/null; echo "$(date +%s.%N) - $start" | bc; }
plans=0 sheets=0
for k in $(seq 1 "$seasons"); do
  plans=$(echo "$plans + $(seconds "$tournee" schedule import "$work/plan-$k.json" --no-season --db "$db")" | bc)
  # The generated seasons lie after 2030 and their evenings were never confirmed.
  sheets=$(echo "$sheets + $(TOURNEE_NOW=2100-01-01T00:00:00+01:00 seconds "$tournee" record --import "$work/records-$k.csv" \
    --force --reason "saison générée" --db "$db")" | bc)
done
echo "seasons=$seasons events_per_season=$events records=$((seasons * events))"
echo "schedule import, all seasons: ${plans} s"
echo "record --import, all seasons: ${sheets} s"
echo "database: $(du -h "$db" | cut -f1)"
for format in md html csv; do
  for run in 1 2 3; do
    echo "report bench-$seasons --format $format (run $run): $(seconds "$tournee" report "bench-$seasons" --format "$format" --db "$db" --externalities "$root/config/externalities.json" --out "$work/report.$format") s"
  done
done
