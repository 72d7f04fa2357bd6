"""Generates seasons for the records benchmark and the CLI crash test (deterministic).

Usage: generate.py OUT_DIR SEASONS EVENTS_PER_SEASON [COMMUNES_CSV]

Writes OUT_DIR/plan-K.json (a plan.json as `tournee plan` writes it: season, events with their
commune, times with offset, km) and OUT_DIR/records-K.csv (one record per event, as
`tournee record --import` reads it) for K = 1..SEASONS. Communes are the first 200 of
Haute-Marne (52) in the project's commune file. Evenings are spread over the 153 days of the
season, each day's evenings on vehicles of their own (one evening per vehicle per evening, the
rule `schedule import` keeps); the plans come without a season folder (`--no-season`).
"""
import csv
import datetime
import json
import os
import random
import sys

out, seasons, per_season = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
here = os.path.dirname(os.path.abspath(__file__))
source = sys.argv[4] if len(sys.argv) > 4 else os.path.join(here, "..", "..", "Sources", "Planning", "Resources", "communes-fr.csv")
communes = [row for row in csv.DictReader(open(source, encoding="utf-8")) if row["departement"] == "52"][:200]
rng = random.Random(7)
kinds = ["association", "producteur", "artiste", "food-truck"]
os.makedirs(out, exist_ok=True)
for k in range(1, seasons + 1):
    year = 2030 + k
    first = datetime.date(year, 5, 1)
    events, rows = [], []
    for n in range(per_season):
        c = communes[n % len(communes)]
        day = (first + datetime.timedelta(days=n % 153)).isoformat()
        event_id = "bench-%d-%05d" % (k, n)
        events.append({
            "commune": {"hasCafe": False, "insee": c["insee"], "lat": float(c["lat"]), "lon": float(c["lon"]),
                        "mairie": {"email": "mairie@%s.example.org" % c["insee"], "name": "Secrétariat"},
                        "name": c["name"], "place": None, "population": int(c["population"] or 0)},
            "date": day, "start": day + "T18:30:00+02:00", "end": day + "T23:30:00+02:00", "from": "base",
            "id": event_id, "km": round(rng.uniform(5, 60), 1), "minutes": 30, "status": "proposed",
            "tour": "Tournée %d" % (n * 4 // per_season + 1), "vehicle": "camion-%d" % (n // 153),
            "vehicleName": "camion %d" % (n // 153)})
        partners = " | ".join("Partenaire %d:%s" % (rng.randrange(300), rng.choice(kinds)) for _ in range(3))
        rows.append([event_id, rng.randint(50, 400), "Concert | Bal", partners,
                     "%d,%02d" % (rng.randint(50, 300), rng.randrange(100)),
                     "%d,%02d" % (rng.randint(200, 2000), rng.randrange(100)), rng.randint(2, 10), "beau", ""])
    plan = {"events": events, "explanations": [], "warnings": [],
            "season": {"name": "Saison de banc %d" % k, "period": {"from": first.isoformat(), "to": "%d-09-30" % year},
                       "seed": k, "slug": "bench-%d" % k, "timeZone": "Europe/Paris"}}
    with open(os.path.join(out, "plan-%d.json" % k), "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    with open(os.path.join(out, "records-%d.csv" % k), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerow(["event", "attendance", "animations", "partners", "local_spend_eur", "sales_eur", "volunteers", "weather", "notes"])
        writer.writerows(rows)
