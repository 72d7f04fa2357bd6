#!/usr/bin/env bash
# The pages' load benchmark: a release build of tourneed serving a season of N evenings
# (default 1000, Benchmarks/make-board-plan.py) on 127.0.0.1, and C concurrent keep-alive
# clients (default 50, Benchmarks/pages-load.py) on the mairie's answer page, the staff's record
# form and the planners' season board, S seconds each (default 20); then the server's peak
# memory (VmHWM). Prints JSON lines. Needs python3; the server is stopped on exit.
#
# Usage: Benchmarks/pages.sh [EVENINGS] [CLIENTS] [SECONDS]
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
evenings=${1:-1000}
clients=${2:-50}
seconds=${3:-20}
python=${TOURNEE_PYTHON:-python3}
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

cd "$repo_root"
swift build -c release >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bin=$(swift build -c release --show-bin-path)
password="une phrase de passe assez longue"
port=$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The evening of 1 May 2027, 23:00: tonight's form is open; the link read is the 31 May evening's, still open to answers.
now=2027-05-01T23:00:00+02:00
export TOURNEE_DB="$work/t.db" TOURNEE_NOW=2027-04-01T09:00:00+02:00

"$python" Benchmarks/make-board-plan.py "$evenings" >"$work/plan.json"
"$bin/tournee" db init >/dev/null
"$bin/tournee" schedule import "$work/plan.json" --no-season >/dev/null
printf '%s\n' "$password" | "$bin/tournee" user add anne --role planner --all-seasons >/dev/null
printf '%s\n' "$password" | "$bin/tournee" user add bruno --role staff --season tableau --vehicle camion >/dev/null
sed -e "s|\"database\": \"tournee.sqlite\"|\"database\": \"$work/t.db\"|" \
    -e "s|\"templates\": \"templates\"|\"templates\": \"$repo_root/config/templates\"|" \
    -e "s|\"reminders\": \"reminders.json\"|\"reminders\": \"$repo_root/config/reminders.json\"|" \
    -e "s|\"logLevel\": \"info\"|\"logLevel\": \"warning\", \"http\": {\"listen\": \"127.0.0.1:$port\", \"baseURL\": \"http://127.0.0.1:$port\"}|" \
    config/tourneed.json >"$work/tourneed.json"
# One tick writes the requests for agreement, with their links, to a maildir.
"$bin/tourneed" --config "$work/tourneed.json" --transport "maildir:$work/mail" --once --now "$TOURNEE_NOW" 2>/dev/null
# The bodies are quoted-printable: the test suite's reader decodes them.
link=$("$python" Tests/Fixtures/python/mairie_links.py "$work/mail" demande-accord | "$python" -c 'import json, sys; print(json.load(sys.stdin)["tableau-90030-1"]["link"])')
"$bin/tourneed" --config "$work/tourneed.json" --transport "maildir:$work/mail" --now "$now" 2>"$work/tourneed.log" &
server=$!
for _ in $(seq 100); do "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz')" 2>/dev/null && break; sleep 0.1; done
"$python" Benchmarks/pages-load.py 127.0.0.1 "$port" "$clients" "$seconds" "$password" \
    "${link#http://127.0.0.1:$port}" /saison/tableau /soiree/tableau-90000-1
echo "{\"page\": \"tourneed peak memory\", \"VmHWM_kB\": $(awk '/VmHWM/ {print $2}' "/proc/$server/status"), \"evenings\": $evenings}"
