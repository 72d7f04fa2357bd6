#!/usr/bin/env bash
# Runs the readers' fuzz tests (Tests/RoutingTests/Formats/ReaderFuzzTests.swift, Tests/OperationsTests/Fuzz/…,
# Tests/PlanningTests/Fuzz/…, Tests/TextFormatsTests/TextFormatsReaderFuzzTests.swift, Tests/HTTPServerTests/Fuzz/…) with many
# inputs, one test process per reader so that a crash in one does not hide the others, and prints per
# reader: inputs tried, crashes, slowest input. Debug build by default (the one `swift test`
# makes); TOURNEE_FUZZ_RELEASE=1 builds the tests optimised, with -enable-testing so that their
# @testable imports still compile (several times faster per input).
#
# Usage: Benchmarks/fuzz.sh [READER...]   (readers: tsplib vrplib solomon bksTable recordSheet
#        externalityModel reminderPolicy messageTemplates daemonConfiguration planImport season
#        communesCSV communeDirectory schoolHolidays distanceMatrix planFile jsonParser csvTable keptEvenings
#        httpRequest formFields; default all)
# Environment:
#   TOURNEE_FUZZ_INPUTS  inputs per reader (default 100000)
#   TOURNEE_FUZZ_SEED    replaces each test's own seed
#   TOURNEE_FUZZ_RELEASE 1: optimised build (-c release -Xswiftc -enable-testing)
set -uo pipefail

repo_root=$(cd "$(dirname "$0")/.." && pwd)
inputs=${TOURNEE_FUZZ_INPUTS:-100000}
readers=("$@")
[ "${#readers[@]}" -eq 0 ] && readers=(tsplib vrplib solomon bksTable recordSheet externalityModel reminderPolicy messageTemplates daemonConfiguration planImport
    season communesCSV communeDirectory schoolHolidays distanceMatrix planFile jsonParser csvTable keptEvenings httpRequest formFields)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

cd "$repo_root" || exit 1
build_flags=()
[ "${TOURNEE_FUZZ_RELEASE:-0}" = 1 ] && build_flags=(-c release -Xswiftc -enable-testing)
swift build --build-tests "${build_flags[@]}" >"$logs/build.log" 2>&1 || { cat "$logs/build.log" >&2; exit 1; }

printf '%-18s %10s %8s %12s  %s\n' reader inputs crashes "slowest (s)" "slowest case / status"
failed=0
for reader in "${readers[@]}"; do
    log="$logs/$reader.log"
    TOURNEE_FUZZ_INPUTS=$inputs swift test "${build_flags[@]}" --skip-build --filter "ReaderFuzzTests/$reader\(" >"$log" 2>&1
    status=$?
    line=$(grep -E '^fuzz [a-zA-Z]+: inputs ' "$log" | tail -1)
    crash=$(grep -E '^fuzz [a-zA-Z]+: (CRASH|HANG)' "$log" | tail -1)
    if [ -n "$line" ] && [ "$status" -eq 0 ]; then
        tried=$(sed -E 's/.*inputs ([0-9]+),.*/\1/' <<<"$line")
        slowest=$(sed -E 's/.*slowest ([0-9.]+) s.*/\1/' <<<"$line")
        detail=$(sed -E 's/.*slowest [0-9.]+ s \((.*)\), total (.*)/\1; total \2/' <<<"$line")
        printf '%-18s %10s %8s %12s  %s\n' "$reader" "$tried" 0 "$slowest" "$detail"
    elif [ -n "$crash" ]; then
        printf '%-18s %10s %8s %12s  %s\n' "$reader" "?" 1 "-" "$crash"
        failed=1
    else
        printf '%-18s %10s %8s %12s  %s\n' "$reader" "?" "-" "-" "test failed (status $status), log:"
        grep -E 'fuzz |✘' "$log" | head -5
        failed=1
    fi
done
exit $failed
