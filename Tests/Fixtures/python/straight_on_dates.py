"""The dates an evening's move costs its straight-on vehicle least, computed on its own.

usage: straight_on_dates.py INPUT_JSON
INPUT_JSON: {"base": [LAT, LON], "detour": FACTOR, "evenings": [{"id", "date", "lat", "lon"}],
"moved": ID, "dates": [DATE...], "offered": N}. The vehicle goes from base to its first village,
on to the next when it is the next evening, home otherwise, and home after the last; the
distance is the haversine on a 6 371 km sphere times the detour factor. Prints the N dates that
add the fewest kilometres (to the tenth), the nearest to the evening's own date among equals,
in date order, as a JSON list.
"""
import datetime
import json
import math
import sys

given = json.load(open(sys.argv[1]))
factor = given["detour"]


def km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) * factor


def drive(evenings):
    base = tuple(given["base"])
    total, last = 0.0, None
    for day, place in sorted(evenings):
        if last is not None and last[0] + datetime.timedelta(days=1) == day:
            total += km(last[1], place)
        else:
            if last is not None:
                total += km(last[1], base)
            total += km(base, place)
        last = (day, place)
    if last is not None:
        total += km(last[1], base)
    return total


day = datetime.date.fromisoformat
moved = next(e for e in given["evenings"] if e["id"] == given["moved"])
others = [(day(e["date"]), (e["lat"], e["lon"])) for e in given["evenings"] if e["id"] != moved["id"]]
here = (moved["lat"], moved["lon"])
now = drive(others + [(day(moved["date"]), here)])
ranked = sorted(
    given["dates"],
    key=lambda d: (round((drive(others + [(day(d), here)]) - now) * 10), abs((day(d) - day(moved["date"])).days), d))
print(json.dumps(sorted(ranked[: given["offered"]])))
