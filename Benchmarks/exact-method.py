#!/usr/bin/env python3
"""The exact method's figures at 20, 60, 200 and 1 500 communes (issue 17): Tournée's
objective, whether it is proven, time and memory, against the optimum HiGHS finds.

For each size, writes a return-to-base season into Benchmarks/exact-seasons/SIZE/ (drawn as
make-network-season.py draws its season, from the same vehicles, every one of them returning
to its base each night: 140 km round trip at most, Thursday to Sunday, May to October 2028):

    20     communes, 1 vehicle (Bretagne),            24 evenings (3 tours of 8)
    60     communes, 1 vehicle (Normandie),           40 evenings (14, 13, 13)
    200    communes, 3 vehicles (Grand Est, Centre, Bourgogne; 67, 67, 66 communes), 120 evenings
    1500   communes, the network season's 12 vehicles, 125 communes each, its 593 evenings

then runs, one process at a time:
  - `/usr/bin/time -v TOURNEE plan SEASON --out TMP` (the whole command: load, plan, the four
    files), reading the objective and « optimal prouvé » or the gap from TMP/plan.json's `solver`
    (--repeat times: the median wall-clock time, the largest peak RSS);
  - `TOURNEE evenings SEASON`, the calendar's candidate evenings per commune and tour (with
    « jour préféré » and « date préférée »), from which it writes the season's facts as
    Tests/PlanningTests/Optimality/SeasonFacts.swift does (round trips: great-circle km between
    the communes file's coordinates × the season's detour factor, as Tournée computes them);
  - `/usr/bin/time -v timeout LIMIT PYTHON Tests/Fixtures/python/season_mip.py FACTS`, the HiGHS
    MIP of AssignmentOptimalityTests, called as that test calls it (its time includes starting
    Python and building the model); past LIMIT seconds it is stopped and reported unfinished.

Prints one JSON line per season (also appended to --jsonl) and the Markdown table of
BENCHMARKS.md at the end.

Usage: Benchmarks/exact-method.py [--tournee PATH] [--python PATH] [--highs-limit S]
                                  [--sizes 20,60,200,1500] [--season FOLDER]... [--jsonl FILE]
                                  [--generate-only]
  --season       also measures an existing return-to-base season as it is (tours/guinguette-2027:
                 HiGHS must find its 146.32 €, the check that these facts are the test's)
  --tournee      default .build/release/tournee (build it with `swift build -c release --product tournee`)
  --python       default $TOURNEE_PYTHON, else .venv/bin/python3, as for the tests (Python with
                 highspy and numpy, from .ci/requirements-test.txt)
  --highs-limit  seconds HiGHS may take per season (default 300)
  --repeat       tournee plan runs per season, the median time kept (default 3; HiGHS runs once)
Python 3 standard library only (season_tools.py and make-network-season.py beside this script).
"""
import argparse
import datetime
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
import tempfile

import season_tools

HERE = season_tools.HERE
REPOSITORY = season_tools.REPOSITORY
MIP = os.path.join(REPOSITORY, "Tests/Fixtures/python/season_mip.py")
SEEDS = {20: 2020, 60: 2060, 200: 2200, 1500: 2028}
# The objective's weights when season.json gives none (ObjectiveWeights.defaults, docs/season-format.md).
DEFAULT_WEIGHTS = {"missedVisitPenalty": 400, "noCafeFactor": 2, "smallVillagePopulation": 500,
                   "smallVillageFactor": 1.5, "preferredDateBonus": 30}


def network_generator():
    spec = importlib.util.spec_from_file_location("make_network_season", os.path.join(HERE, "make-network-season.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def return_to_base(vehicle, evenings=None):
    """A vehicle of make-network-season.py's table that returns to its base every night, within
    52 straight-line km of it (140 road km round trip at 1.3), with its own evenings per tour."""
    ident, display, base, departements, _, _, tour_evenings = vehicle
    display = display.replace("la compagnie", "la guinguette")
    return ident, display, base, departements, "returnToBase", 52, evenings or tour_evenings


def season_for(size, network, communes):
    by_id = {v[0]: v for v in network.VEHICLES}
    if size == 20:
        vehicles, counts = [return_to_base(by_id["bretagne"], (8, 8, 8))], [20]
    elif size == 60:
        vehicles, counts = [return_to_base(by_id["normandie"], (14, 13, 13))], [60]
    elif size == 200:
        vehicles = [return_to_base(by_id[v], (14, 13, 13)) for v in ("grand-est", "centre", "bourgogne")]
        counts = [67, 67, 66]
    elif size == 1500:
        vehicles, counts = [return_to_base(v) for v in network.VEHICLES], None
    else:
        raise SystemExit(f"no season of {size} communes: sizes are {sorted(SEEDS)}")
    return network.build(communes, vehicles, f"Méthode exacte, {size} communes (banc d'essai)", counts, SEEDS[size])


def swift_kilometres(a, b):
    """Coordinate.kilometres(to:) of Sources/Planning/Season/Coordinate.swift, operation for operation."""
    radians = math.pi / 180
    d_lat = (b[0] - a[0]) * radians
    d_lon = (b[1] - a[1]) * radians
    h = math.sin(d_lat / 2) * math.sin(d_lat / 2) + \
        math.cos(a[0] * radians) * math.cos(b[0] * radians) * math.sin(d_lon / 2) * math.sin(d_lon / 2)
    return 2 * 6371.0 * math.asin(min(1, math.sqrt(h)))


COMMUNE_LINE = re.compile(r"^(?P<name>.*) \((?P<insee>[0-9AB]{5})\) : ")
DAY_LINE = re.compile(r"^    (?P<date>\d{4}-\d\d-\d\d)\s")


def candidates(evenings_output, tour_names):
    """Per INSEE code, the (tour, date, preferred) candidates of `tournee evenings`'s « Par
    commune » part: preferred when the day is a preferred day or the commune's preferred date."""
    lines = evenings_output.splitlines()
    start = lines.index("Par commune :")
    found, insee, tour = {}, None, None
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        match = COMMUNE_LINE.match(line)
        if match and not line.startswith(" "):
            insee, tour = match["insee"], None
            found[insee] = []
            continue
        if line.startswith("  ") and not line.startswith("    ") and line.endswith(" :"):
            tour = line.strip()[:-2]
            assert tour in tour_names, line
            continue
        day = DAY_LINE.match(line)
        assert day and insee and tour, line
        preferred = "jour préféré" in line or "(date préférée)" in line
        assert "exclue" not in line, line
        found[insee].append((tour, day["date"], preferred))
    return found


def facts(folder, evenings_output, directory):
    """The season's facts as SeasonFacts.json writes them for season_mip.py."""
    with open(os.path.join(folder, "season.json"), encoding="utf-8") as f:
        season = json.load(f)
    rows = season_tools.read_communes(os.path.join(folder, season["communesFile"]))
    first = datetime.date.fromisoformat(season["period"]["from"])
    detour = season["distances"]["detourFactor"]
    vehicles = {v["id"]: v for v in season["vehicles"]}
    tours = {t["name"]: t for t in season["tours"]}
    found = candidates(evenings_output, set(tours))
    communes = []
    def position(row, insee):
        return season_tools.coordinate(row if row.get("lat") else directory[insee])

    for insee, row in rows.items():
        known = directory[insee]
        place = position(row, insee)
        options = []
        for tour, date, preferred in found.get(insee, []):
            base = vehicles[tours[tour]["vehicle"]]["base"]
            km = swift_kilometres(position(base, base.get("insee")), place) * detour
            day = (datetime.date.fromisoformat(date) - first).days
            options.append({"tour": tour, "date": date, "day": day, "km": 2 * km, "preferred": preferred})
        communes.append({
            "insee": insee, "population": int(row["population"] or known["population"]),
            "hasCafe": {"oui": True, "non": False}.get(row["has_cafe"]),
            "minVisits": int(row["min_visits"] or 1), "maxVisits": int(row["max_visits"] or 1), "candidates": options,
        })
    return {
        "weights": {**DEFAULT_WEIGHTS, **season.get("objective", {})},
        "minDaysBetweenVisits": season["minDaysBetweenVisits"],
        "tours": [{"name": t["name"], "vehicle": t["vehicle"], "evenings": t["evenings"]} for t in season["tours"]],
        "vehicles": [{key: v.get(key) for key in ("id", "costPerKm", "speedKmh", "maxKmPerEvening", "maxKmPerDay",
                                                   "maxDrivingMinutesPerDay")} for v in season["vehicles"]],
        "communes": communes,
    }


def timed(command):
    """Runs command under /usr/bin/time -v: (exit status, stdout, stderr, seconds, max RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        run = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + command, capture_output=True, text=True)
        text = report.read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    seconds = 0.0
    for part in clock[1].split(":"):
        seconds = seconds * 60 + float(part)
    return run.returncode, run.stdout, run.stderr, seconds, int(rss[1]) / 1024


def measure(size, args, network, directory):
    """Writes the season of `size` communes (an int), or takes the folder `size` (a path) as it
    is, and measures it."""
    if isinstance(size, int):
        folder = os.path.join(HERE, "exact-seasons", str(size))
        season, rows = season_for(size, network, directory)
        season_tools.write_season(folder, season, rows)
    else:
        folder = os.path.abspath(size)
        with open(os.path.join(folder, "season.json"), encoding="utf-8") as f:
            season = json.load(f)
        rows = season_tools.read_communes(os.path.join(folder, season["communesFile"]))
    shown = os.path.relpath(folder, REPOSITORY)
    result = {"season": shown, "communes": len(rows), "vehicles": len(season["vehicles"]),
              "evenings": sum(t["evenings"] for t in season["tours"])}
    if args.generate_only:
        return result
    with tempfile.TemporaryDirectory(prefix="tournee-exact-") as scratch:
        runs = []
        for _ in range(args.repeat):
            status, out, err, seconds, rss = timed([args.tournee, "plan", folder, "--out", os.path.join(scratch, "plan")])
            if status != 0:
                raise SystemExit(f"tournee plan {shown} exited {status}:\n{err}{out[-2000:]}")
            with open(os.path.join(scratch, "plan", "plan.json"), encoding="utf-8") as f:
                plan = json.load(f)
            runs.append((seconds, rss, plan["solver"]))
            assert plan["solver"] == runs[0][2], "the same season planned twice gave two plans"
        solver = plan["solver"]
        times = sorted(seconds for seconds, _, _ in runs)
        result.update({
            "tournee_objective": solver["objective"], "tournee_parts": solver["objectiveParts"],
            "tournee_quality": solver["quality"], "tournee_nodes": solver.get("nodes"),
            "tournee_evenings": plan["summary"]["evenings"], "tournee_communes_served": plan["summary"]["communesServed"],
            "tournee_seconds": times[len(times) // 2], "tournee_seconds_all": times,
            "tournee_peak_rss_mb": round(max(rss for _, rss, _ in runs), 1),
            "optimal_prouve_printed": "optimal prouvé" in out,
        })
        listing = subprocess.run([args.tournee, "evenings", folder], capture_output=True, text=True, check=True).stdout
        facts_file = os.path.join(scratch, "facts.json")
        with open(facts_file, "w", encoding="utf-8") as f:
            json.dump(facts(folder, listing, directory), f, sort_keys=True)
        status, out, err, seconds, rss = timed(["timeout", str(args.highs_limit), args.python, MIP, facts_file])
        result.update({"highs_seconds": round(seconds, 2), "highs_peak_rss_mb": round(rss, 1)})
        if status == 124:
            result["highs"] = f"not finished in {args.highs_limit} s"
        elif status != 0:
            result["highs"] = f"failed (exit {status}): {err.strip()[-300:]}"
        else:
            answer = json.loads(out)
            result.update({"highs": "optimal", "highs_objective": round(answer["objective"], 2),
                           "highs_evenings": answer["evenings"]})
            result["agrees"] = (answer["evenings"] == result["tournee_evenings"]
                                and abs(answer["objective"] - solver["objective"]) <= 0.01)
    return result


def euros(value):
    return f"{value:,.2f} €".replace(",", " ")


def row(r):
    quality = r["tournee_quality"]
    proven = "yes" if quality["status"] == "optimal" else f"no, gap {euros(quality['gap'])}" if quality.get("gap") is not None \
        else "no, no bound"
    if r["highs"] == "optimal":
        highs = euros(r["highs_objective"]) + ("" if r["agrees"] else " (**differs**)")
    else:
        highs = r["highs"]
    return (f"| `{r['season']}` | {r['communes']} | {r['evenings']} | {r['vehicles']} | {euros(r['tournee_objective'])} | {proven} "
            f"| {r['tournee_seconds']:.2f} s | {r['tournee_peak_rss_mb']:.0f} MB | {highs} | {r['highs_seconds']:.2f} s |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tournee", default=os.path.join(REPOSITORY, ".build/release/tournee"))
    parser.add_argument("--python", default=os.environ.get("TOURNEE_PYTHON") or os.path.join(REPOSITORY, ".venv/bin/python3"))
    parser.add_argument("--highs-limit", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="tournee plan runs per season (the median time is kept)")
    parser.add_argument("--sizes", default="20,60,200,1500", help="generated seasons, by size ('' for none)")
    parser.add_argument("--season", action="append", default=[], help="also an existing return-to-base season folder")
    parser.add_argument("--jsonl")
    parser.add_argument("--generate-only", action="store_true")
    args = parser.parse_args()
    network = network_generator()
    directory = season_tools.read_communes(season_tools.COMMUNES_CSV)
    results = []
    for size in [int(s) for s in args.sizes.split(",") if s] + args.season:
        result = measure(size, args, network, directory)
        result["at"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        with open("/proc/loadavg") as f:
            result["load_1min_at_end"] = float(f.read().split()[0])
        print(json.dumps(result, ensure_ascii=False), flush=True)
        if args.jsonl:
            with open(args.jsonl, "a", encoding="utf-8") as f:
                f.write(json.dumps(result, ensure_ascii=False) + "\n")
        results.append(result)
    if not args.generate_only:
        print("\n| season | communes | evenings | vehicles | Tournée objective | proven? | time | memory | HiGHS optimum | HiGHS time |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for r in results:
            print(row(r))


if __name__ == "__main__":
    main()
