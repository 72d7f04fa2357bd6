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
Python 3 standard library only.
"""
import csv
import datetime
import json
import math
import os
import random
import sys
import unicodedata

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
FRENCH_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def kilometres(a, b):
    """Great-circle distance in km (haversine, mean Earth radius), as Tournée computes it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def slug(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


def season_days(weekdays):
    first, last = PERIOD
    days = [first + datetime.timedelta(d) for d in range((last - first).days + 1)]
    return [d for d in days if FRENCH_WEEKDAYS[d.weekday()] in weekdays]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "Sources/Planning/Resources/communes-fr.csv")
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "network-season")
    with open(source, encoding="utf-8", newline="") as f:
        communes = {row["insee"]: row for row in csv.DictReader(f)}
    rng = random.Random(SEED)
    rows = []
    for vehicle, _, base, departements, travel, reach, _ in VEHICLES:
        origin = (float(communes[base]["lat"]), float(communes[base]["lon"]))
        pool = sorted(
            insee for insee, row in communes.items()
            if row["departement"] in departements.split() and row["population"] and row["lat"] and insee != base
            and 0 < int(row["population"]) < MAX_POPULATION
            and kilometres(origin, (float(row["lat"]), float(row["lon"]))) <= reach)
        assert len(pool) >= PER_VEHICLE, (vehicle, len(pool))
        weekdays = ["jeudi", "vendredi", "samedi"] if travel == "returnToBase" else ["jeudi", "vendredi", "samedi", "dimanche"]
        for insee in sorted(rng.sample(pool, PER_VEHICLE)):
            name = communes[insee]["name"]
            unavailable = ""
            if rng.random() < 0.25:
                start = rng.choice(season_days(["samedi"]))
                unavailable = f"{start.isoformat()}..{(start + datetime.timedelta(1)).isoformat()}"
            preferred = ""
            if rng.random() < 0.15:
                preferred = rng.choice(season_days(weekdays)).isoformat()
                if unavailable and unavailable.split("..")[0] <= preferred <= unavailable.split("..")[1]:
                    preferred = ""
            min_visits = 2 if rng.random() < 0.15 else 1
            max_visits = 2 if min_visits == 2 or rng.random() < 0.2 else 1
            rows.append({
                "insee": insee, "name": name, "population": "", "lat": "", "lon": "",
                "has_cafe": "oui" if rng.random() < 0.4 else "non",
                "mairie_name": "Secrétariat de mairie", "mairie_email": f"mairie@{slug(name)}.example.org",
                "weekdays": "", "unavailable": unavailable, "preferred": preferred,
                "min_visits": str(min_visits), "max_visits": str(max_visits),
                "tours": ";".join(f"{vehicle} {tour}" for tour, _, _ in TOURS), "place": "place de la Mairie", "notes": "",
            })
    rows.sort(key=lambda row: row["insee"])
    tours = [
        {"name": f"{vehicle} {tour}", "from": start, "to": end, "evenings": evenings[index], "vehicle": vehicle}
        for vehicle, _, _, _, _, _, evenings in VEHICLES for index, (tour, start, end) in enumerate(TOURS)
    ]
    vehicles = []
    for vehicle, display, base, _, travel, _, _ in VEHICLES:
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
        vehicles.append(entry)
    season = {
        "name": "Réseau 2028 (banc d'essai)",
        "period": {"from": PERIOD[0].isoformat(), "to": PERIOD[1].isoformat()},
        "evenings": {
            "weekdays": ["jeudi", "vendredi", "samedi", "dimanche"],
            "start": "20:30", "end": "23:30", "blackouts": [], "publicHolidays": "allow",
        },
        "tours": tours,
        "vehicles": vehicles,
        "communesFile": "communes.csv",
        "minDaysBetweenVisits": 21,
        "seed": SEED,
        "distances": {"detourFactor": DETOUR_FACTOR},
    }
    os.makedirs(output, exist_ok=True)
    with open(os.path.join(output, "season.json"), "w", encoding="utf-8") as f:
        json.dump(season, f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(output, "communes.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} communes, {len(vehicles)} vehicles, {sum(t['evenings'] for t in tours)} evenings, written to {output}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
