#!/usr/bin/env python3
"""Writes Benchmarks/replan-season-60/: a generated 60-commune season for the re-plan benchmark.

Two vans based in Saint-Dizier, each with a spring and a summer tour (18 evenings each, 72 in
all), Thursday to Saturday evenings, public holidays avoided, home after each evening; 60 host
communes under 1 500 inhabitants in the Marne, the Haute-Marne and the Meuse within the vans'
reach, a third of them accepting two visits, a fifth only on Fridays and Saturdays. Drawn from the
national communes file with a fixed seed, so the same file always gives the same season; the
output is committed so that the benchmark does not depend on this script.

Usage: Benchmarks/make-replan-season.py [COMMUNES_CSV] [OUTPUT_DIR]
  COMMUNES_CSV  default: Sources/Planning/Resources/communes-fr.csv
  OUTPUT_DIR    default: Benchmarks/replan-season-60
Python 3 standard library only.
"""
import csv
import importlib.util
import os
import random
import sys

SEED = 60
HOST_COMMUNES = 60
MAX_POPULATION = 1500
BASE = "52448"  # Saint-Dizier
DEPARTEMENTS = {"51", "52", "55"}
DETOUR_FACTOR = 1.3
MAX_KM_PER_EVENING = 120
VANS = [("nord", "le camion du nord"), ("sud", "le camion du sud")]
TOURS = [("printemps", "2027-05-01", "2027-06-30", 18), ("été", "2027-07-01", "2027-09-30", 18)]


def national():
    """make-national-season.py, for the helpers both seasons share."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-national-season.py")
    spec = importlib.util.spec_from_file_location("make_national_season", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "Sources/Planning/Resources/communes-fr.csv")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "replan-season-60")
    shared = national()
    with open(source, encoding="utf-8", newline="") as f:
        communes = {row["insee"]: row for row in csv.DictReader(f)}
    base = communes[BASE]
    origin = (float(base["lat"]), float(base["lon"]))
    # A round trip from the base within the evening's limit, on roads (the detour factor), with
    # a margin so that no commune sits on the limit.
    reach_km = 0.9 * MAX_KM_PER_EVENING / (2 * DETOUR_FACTOR)
    pool = sorted(
        insee for insee, row in communes.items()
        if row["departement"] in DEPARTEMENTS and insee != BASE and row["population"] and row["lat"]
        and 0 < int(row["population"]) < MAX_POPULATION
        and shared.kilometres(origin, (float(row["lat"]), float(row["lon"]))) <= reach_km)
    rng = random.Random(SEED)
    hosts = sorted(rng.sample(pool, HOST_COMMUNES))

    rows = []
    for insee in hosts:
        name = communes[insee]["name"]
        weekdays = "vendredi;samedi" if rng.random() < 0.2 else ""
        max_visits = 2 if rng.random() < 1 / 3 else 1
        rows.append({
            "insee": insee, "name": name, "population": "", "lat": "", "lon": "",
            "has_cafe": "oui" if rng.random() < 0.3 else "non",
            "mairie_name": "Secrétariat de mairie", "mairie_email": f"mairie@{shared.slug(name)}.example.org",
            "weekdays": weekdays, "unavailable": "", "preferred": "", "min_visits": "1",
            "max_visits": str(max_visits), "tours": "", "notes": "",
        })
    season = {
        "name": "Banc de replanification, 60 communes (2027)",
        "period": {"from": "2027-05-01", "to": "2027-09-30"},
        "evenings": {
            "weekdays": ["jeudi", "vendredi", "samedi"], "start": "18:30", "end": "23:30",
            "blackouts": [], "publicHolidays": "avoid",
        },
        "tours": [
            {"name": f"{tour} {van}", "from": start, "to": end, "evenings": evenings, "vehicle": van}
            for van, _ in VANS for tour, start, end, evenings in TOURS
        ],
        "vehicles": [
            {
                "id": van, "name": name, "base": {"insee": BASE, "name": "Saint-Dizier, dépôt"},
                "speedKmh": 55, "costPerKm": 0.38, "co2KgPerKm": 0.27, "maxKmPerEvening": MAX_KM_PER_EVENING,
                "setupMinutes": 90, "travel": "returnToBase",
            }
            for van, name in VANS
        ],
        "communesFile": "communes.csv",
        "minDaysBetweenVisits": 21,
        "seed": SEED,
        "distances": {"detourFactor": DETOUR_FACTOR},
    }
    shared.write_season(output, season, rows)

if __name__ == "__main__":
    main()
