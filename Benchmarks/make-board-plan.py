#!/usr/bin/env python3
"""A plan of N evenings, one a day from 1 May 2027, each in its own village with its mairie's
address, in the plan.json format `tournee schedule import` reads: the season board and the
pages' benchmark (Benchmarks/pages.sh) load it.

usage: make-board-plan.py N > plan.json
"""
import datetime
import json
import sys

count = int(sys.argv[1])
first = datetime.date(2027, 5, 1)


def paris(day, hour, minute):
    # Summer time from the last Sunday of March to the last Sunday of October.
    def last_sunday(month):
        date = datetime.date(day.year, month, 31)
        return date - datetime.timedelta(days=(date.weekday() + 1) % 7)
    offset = "+02:00" if last_sunday(3) <= day < last_sunday(10) else "+01:00"
    return "%sT%02d:%02d:00%s" % (day.isoformat(), hour, minute, offset)


events = []
for index in range(count):
    day = first + datetime.timedelta(days=index)
    insee = "9%04d" % index
    events.append({
        "id": "tableau-%s-1" % insee, "date": day.isoformat(), "start": paris(day, 18, 30), "end": paris(day, 23, 30),
        "vehicle": "camion", "tour": "Tableau", "km": 10, "status": "proposed",
        "commune": {"insee": insee, "name": "Village %d" % index, "lat": 48.5, "lon": 4.8, "population": 100, "hasCafe": False,
                    "mairie": {"name": "Mairie %d" % index, "email": "mairie%d@villages.example.org" % index}},
    })
last = first + datetime.timedelta(days=count)
plan = {"season": {"name": "Saison du tableau", "slug": "tableau", "period": {"from": first.isoformat(), "to": last.isoformat()},
                   "timeZone": "Europe/Paris"}, "events": events}
json.dump(plan, sys.stdout, ensure_ascii=False)
