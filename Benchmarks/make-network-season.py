#!/usr/bin/env python3
"""Writes Benchmarks/network-season/: a network-scale season for the planner's scale figures.

Twelve vehicles, one per mainland région (Corsica left out): seven guinguettes that return to
their base every night (`returnToBase`, 140 km round trip at most) and five touring companies
that go straight on with daily limits; 1 500 candidate communes under 1 500 inhabitants, 125
per vehicle, each kept to its vehicle's tours by the `tours` column; about 600 evenings from May
to October 2028. Communes want one visit, some two; some accept a second, prefer a date, or are
away a weekend. Everything is drawn from the national communes file with a fixed seed, so the
same file always gives the same season; the output is committed so that the benchmark does not
depend on this script (successor of make-national-season.py, which stays for its own figures).

Usage: Benchmarks/make-network-season.py [COMMUNES_CSV] [OUTPUT_DIR]
  COMMUNES_CSV  default: Sources/Planning/Resources/communes-fr.csv
  OUTPUT_DIR    default: Benchmarks/network-season
Python 3 standard library only, with season_tools.py beside this script.
"""
import datetime
import random
import sys

from season_tools import (arguments, away_and_preferred, coordinate, mairie_email, read_communes, season_document,
                          small_communes, write_season)

SEED = 2028
PER_VEHICLE = 125
MAX_POPULATION = 1500
DETOUR_FACTOR = 1.3
PERIOD = (datetime.date(2028, 5, 1), datetime.date(2028, 10, 31))
# id, name, base INSEE, départements, travel, reach in straight-line km, evenings per tour (3 tours)
VEHICLES = [
    ("bretagne", "la guinguette de Bretagne", "22136", "22 29 35 56", "returnToBase", 52, (17, 17, 16)),
    ("normandie", "la guinguette de Normandie", "14762", "14 27 50 61 76", "returnToBase", 52, (17, 17, 16)),
    ("grand-est", "la guinguette du Grand Est", "52448", "08 10 51 52 54 55 57 67 68 88", "returnToBase", 52, (17, 17, 16)),
    ("centre", "la guinguette du Centre", "28088", "18 28 36 37 41 45", "returnToBase", 52, (17, 17, 16)),
    ("bourgogne", "la guinguette de Bourgogne", "71014", "21 25 39 58 70 71 89 90", "returnToBase", 52, (17, 17, 16)),
    ("occitanie", "la guinguette d'Occitanie", "12145", "09 11 12 30 31 32 34 46 48 65 66 81 82", "returnToBase", 52,
     (17, 17, 16)),
    ("auvergne", "la guinguette d'Auvergne", "15014", "01 03 07 15 26 38 42 43 63 69 73 74", "returnToBase", 52,
     (17, 17, 16)),
    ("hauts-de-france", "la compagnie des Hauts-de-France", "80021", "02 59 60 62 80", "straightOn", 200, (17, 16, 16)),
    ("loire", "la compagnie des Pays de la Loire", "49007", "44 49 53 72 85", "straightOn", 200, (16, 16, 16)),
    ("aquitaine", "la compagnie de Nouvelle-Aquitaine", "87085", "16 17 19 23 24 33 40 47 64 79 86 87", "straightOn", 200,
     (17, 17, 16)),
    ("provence", "la compagnie de Provence", "04070", "04 05 06 13 83 84", "straightOn", 200, (16, 16, 16)),
    ("ile-de-france", "la compagnie d'Île-de-France", "77288", "77 78 91 95", "straightOn", 200, (16, 16, 16)),
]
TOURS = [("printemps", "2028-05-01", "2028-06-30"), ("été", "2028-07-01", "2028-08-31"), ("automne", "2028-09-01", "2028-10-31")]
def build(communes, vehicles=VEHICLES, season_name="Réseau 2028 (banc d'essai)", per_vehicle=None, seed=SEED):
    """The season (season.json's object) and its communes.csv rows, from the national communes
    file (a dict from INSEE code to row), a table of vehicles shaped like VEHICLES and the number
    of communes of each vehicle (PER_VEHICLE each unless given; Benchmarks/exact-method.py makes
    its return-to-base seasons with other vehicles, counts and seeds)."""
    rng = random.Random(seed)
    rows = []
    counts = per_vehicle or [PER_VEHICLE] * len(vehicles)
    for (vehicle, _, base, departements, travel, reach, _), count in zip(vehicles, counts):
        pool = small_communes(communes, departements.split(), coordinate(communes[base]), reach, MAX_POPULATION, (base,))
        assert len(pool) >= count, (vehicle, len(pool))
        weekdays = ["jeudi", "vendredi", "samedi"] if travel == "returnToBase" else ["jeudi", "vendredi", "samedi", "dimanche"]
        for insee in sorted(rng.sample(pool, count)):
            name = communes[insee]["name"]
            unavailable, preferred = away_and_preferred(rng, PERIOD, weekdays)
            min_visits = 2 if rng.random() < 0.15 else 1
            max_visits = 2 if min_visits == 2 or rng.random() < 0.2 else 1
            rows.append({
                "insee": insee, "name": name, "population": "", "lat": "", "lon": "",
                "has_cafe": "oui" if rng.random() < 0.4 else "non",
                "mairie_name": "Secrétariat de mairie", "mairie_email": mairie_email(name),
                "weekdays": "", "unavailable": unavailable, "preferred": preferred,
                "min_visits": str(min_visits), "max_visits": str(max_visits),
                "tours": ";".join(f"{vehicle} {tour}" for tour, _, _ in TOURS), "place": "place de la Mairie", "notes": "",
            })
    rows.sort(key=lambda row: row["insee"])
    tours = [
        {"name": f"{vehicle} {tour}", "from": start, "to": end, "evenings": evenings[index], "vehicle": vehicle}
        for vehicle, _, _, _, _, _, evenings in vehicles for index, (tour, start, end) in enumerate(TOURS)
    ]
    entries = []
    for vehicle, display, base, _, travel, _, _ in vehicles:
        entry = {
            "id": vehicle, "name": display,
            "base": {"insee": base, "name": f"{communes[base]['name']}, dépôt"},
            "speedKmh": 60 if travel == "returnToBase" else 70,
            "costPerKm": 0.38 if travel == "returnToBase" else 0.42,
            "co2KgPerKm": 0.25 if travel == "returnToBase" else 0.22,
            "setupMinutes": 90 if travel == "returnToBase" else 180,
            "travel": travel,
        }
        if travel == "returnToBase":
            entry["maxKmPerEvening"] = 140
        else:
            entry["maxKmPerDay"] = 450
            entry["maxDrivingMinutesPerDay"] = 420
        entries.append(entry)
    return season_document(season_name, PERIOD, tours, entries, seed, DETOUR_FACTOR), rows


def main():
    source, output = arguments("network-season")
    season, rows = build(read_communes(source))
    write_season(output, season, rows)
    print(f"{len(rows)} communes, {len(season['vehicles'])} vehicles, {sum(t['evenings'] for t in season['tours'])} evenings, "
          f"written to {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
