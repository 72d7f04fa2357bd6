#!/usr/bin/env python3
"""Writes Benchmarks/national-season/: a national-scale season for timing the planner.

Five touring companies, each based in a regional city and touring the small communes of its own
regions (the `tours` column keeps every commune to its company's three tours); about 220 host
communes under 1 500 inhabitants in 70 départements; 150 evenings from May to September 2027;
straight-on travel with daily limits. Everything is drawn from the national communes file with a
fixed seed, so the same file always gives the same season; the output is committed so that the
benchmark does not depend on this script.

Usage: Benchmarks/make-national-season.py [COMMUNES_CSV] [OUTPUT_DIR]
  COMMUNES_CSV  default: Sources/Planning/Resources/communes-fr.csv (COG 2026, populations
                2023; see Tests/Fixtures/shared-data/SOURCES.md)
  OUTPUT_DIR    default: Benchmarks/national-season
Python 3 standard library only, with season_tools.py beside this script.
"""
import datetime
import random
import sys

from season_tools import (arguments, away_and_preferred, coordinate, mairie_email, read_communes, season_document,
                          small_communes, write_season)

SEED = 2027
HOST_COMMUNES = 220
DEPARTEMENTS = 70
MAX_POPULATION = 1500
DETOUR_FACTOR = 1.3
MAX_KM_PER_DAY = 450
PERIOD = (datetime.date(2027, 5, 1), datetime.date(2027, 9, 30))
# Three tours per company, ten evenings each: 5 × 3 × 10 = 150 evenings.
TOURS = [
    ("printemps", "2027-05-01", "2027-06-30", 10),
    ("été", "2027-07-01", "2027-08-15", 10),
    ("fin d'été", "2027-08-16", "2027-09-30", 10),
]
# Each company: id, display name, base commune (INSEE) and the départements of its regions
# (Paris and its inner ring, which have no small commune, and Corsica are left out).
COMPANIES = [
    ("ouest", "Ouest", "la compagnie de l'Ouest", "35238",
     "22 29 35 56 14 27 50 61 76 44 49 53 72 85"),
    ("nord-est", "Nord-Est", "la compagnie du Nord-Est", "51454",
     "08 10 51 52 54 55 57 67 68 88 02 59 60 62 80"),
    ("centre", "Centre", "la compagnie du Centre", "21231",
     "18 28 36 37 41 45 21 25 39 58 70 71 89 90 77 78 91 95"),
    ("sud-ouest", "Sud-Ouest", "la compagnie du Sud-Ouest", "31555",
     "16 17 19 23 24 33 40 47 64 79 86 87 09 11 12 30 31 32 34 46 48 65 66 81 82"),
    ("sud-est", "Sud-Est", "la compagnie du Sud-Est", "69123",
     "01 03 07 15 26 38 42 43 63 69 73 74 04 05 06 13 83 84"),
]


def main():
    source, output = arguments("national-season")
    communes = read_communes(source)
    rng = random.Random(SEED)

    # A base reaches a commune on the first evening's leg: road km within the daily limit.
    reach_km = MAX_KM_PER_DAY / DETOUR_FACTOR
    candidates = {}
    for company, _, _, base, departements in COMPANIES:
        origin = coordinate(communes[base])
        for dep in departements.split():
            pool = small_communes(communes, [dep], origin, reach_km, MAX_POPULATION)
            if len(pool) >= 10:
                candidates[(company, dep)] = pool

    # 70 départements, spread over the companies in proportion to their reachable départements.
    chosen = set(rng.sample(sorted(candidates), DEPARTEMENTS))
    by_company = {c[0]: sorted(dep for (company, dep) in chosen if company == c[0]) for c in COMPANIES}
    # 220 communes: round-robin over each company's départements, so every one gets 3 or 4.
    total = sum(len(deps) for deps in by_company.values())
    shares = {c: HOST_COMMUNES * len(deps) // total for c, deps in by_company.items()}
    for c in sorted(by_company, key=lambda c: -len(by_company[c]))[: HOST_COMMUNES - sum(shares.values())]:
        shares[c] += 1
    hosts = []
    for company, label, _, _, _ in COMPANIES:
        deps = by_company[company]
        pools = {dep: list(candidates[(company, dep)]) for dep in deps}
        for dep in deps:
            rng.shuffle(pools[dep])
        for k in range(shares[company]):
            dep = deps[k % len(deps)]
            hosts.append((company, label, pools[dep].pop()))

    tour_names = {c[0]: [f"{c[1]} {name}" for name, _, _, _ in TOURS] for c in COMPANIES}
    rows = []
    for company, label, insee in hosts:
        name = communes[insee]["name"]
        weekdays = "vendredi;samedi" if rng.random() < 0.2 else ""
        accepted = weekdays.split(";") if weekdays else ["jeudi", "vendredi", "samedi", "dimanche"]
        unavailable, preferred = away_and_preferred(rng, PERIOD, accepted)
        max_visits = 2 if rng.random() < 0.15 else 1
        rows.append({
            "insee": insee, "name": name, "population": "", "lat": "", "lon": "",
            "has_cafe": "oui" if rng.random() < 0.4 else "non",
            "mairie_name": "Secrétariat de mairie", "mairie_email": mairie_email(name),
            "weekdays": weekdays, "unavailable": unavailable, "preferred": preferred,
            "min_visits": "1", "max_visits": str(max_visits), "tours": ";".join(tour_names[company]), "notes": "",
        })
    rows.sort(key=lambda row: row["insee"])

    tours = [
        {"name": f"{label} {name}", "from": start, "to": end, "evenings": evenings, "vehicle": company}
        for company, label, _, _, _ in COMPANIES for name, start, end, evenings in TOURS
    ]
    vehicles = [
        {
            "id": company, "name": f"{display} ({communes[base]['name']})",
            "base": {"insee": base, "name": f"{communes[base]['name']}, siège de la compagnie"},
            "speedKmh": 70, "costPerKm": 0.42, "co2KgPerKm": 0.22,
            "maxKmPerDay": MAX_KM_PER_DAY, "maxDrivingMinutesPerDay": 420, "setupMinutes": 180,
            "travel": "straightOn",
        }
        for company, _, display, base, _ in COMPANIES
    ]
    season = season_document("Réseau national 2027 (banc d'essai)", PERIOD, tours, vehicles, SEED, DETOUR_FACTOR)
    write_season(output, season, rows)
    departements = sorted({communes[row["insee"]]["departement"] for row in rows})
    print(f"{len(rows)} communes in {len(departements)} départements, "
          f"{sum(t['evenings'] for t in season['tours'])} evenings, written to {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
