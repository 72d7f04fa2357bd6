"""What the benchmark seasons' generators share (make-national-season.py, make-network-season.py,
exact-method.py): the national communes file, distances, the small communes around a base, the
dates of a period, a commune's unavailable weekend and preferred date, and the season folder.

Python 3 standard library only. Every function that draws takes the generator's own
random.Random and draws in a fixed order, so that a generator's output depends on its seed alone.
"""
import csv
import datetime
import json
import math
import os
import sys
import unicodedata

FRENCH_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPOSITORY = os.path.dirname(HERE)
COMMUNES_CSV = os.path.join(REPOSITORY, "Sources/Planning/Resources/communes-fr.csv")


def arguments(default_output):
    """The generator's (COMMUNES_CSV, OUTPUT_DIR) arguments: the national communes file and
    Benchmarks/DEFAULT_OUTPUT unless given."""
    source = sys.argv[1] if len(sys.argv) > 1 else COMMUNES_CSV
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, default_output)
    return source, output


def read_communes(source):
    """The national communes file as a dict from INSEE code to its row (a dict of columns)."""
    with open(source, encoding="utf-8", newline="") as f:
        return {row["insee"]: row for row in csv.DictReader(f)}


def kilometres(a, b):
    """Great-circle distance in km (haversine, mean Earth radius), as Tournée computes it."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def coordinate(row):
    """A communes-file row's (latitude, longitude)."""
    return float(row["lat"]), float(row["lon"])


def small_communes(communes, departements, origin, reach, max_population, excluded=()):
    """The INSEE codes, sorted, of the communes of `departements` (a collection of codes) with
    fewer than max_population inhabitants (and some) within `reach` straight-line km of origin."""
    return sorted(
        insee for insee, row in communes.items()
        if row["departement"] in departements and row["population"] and row["lat"] and insee not in excluded
        and 0 < int(row["population"]) < max_population
        and kilometres(origin, coordinate(row)) <= reach)


def slug(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in folded).split())


def mairie_email(name):
    """The made-up address of a commune's mairie (example.org: nothing is ever sent there)."""
    return f"mairie@{slug(name)}.example.org"


def season_days(period, weekdays):
    """The dates of period (first, last) that fall on one of weekdays (French names)."""
    first, last = period
    days = [first + datetime.timedelta(d) for d in range((last - first).days + 1)]
    return [d for d in days if FRENCH_WEEKDAYS[d.weekday()] in weekdays]


def away_and_preferred(rng, period, weekdays):
    """A commune's `unavailable` (a weekend, one time in four) and `preferred` (a date on one of
    weekdays, about one time in seven, none when it falls in that weekend) columns."""
    unavailable = ""
    if rng.random() < 0.25:
        start = rng.choice(season_days(period, ["samedi"]))
        unavailable = f"{start.isoformat()}..{(start + datetime.timedelta(1)).isoformat()}"
    preferred = ""
    if rng.random() < 0.15:
        preferred = rng.choice(season_days(period, weekdays)).isoformat()
        if unavailable and unavailable.split("..")[0] <= preferred <= unavailable.split("..")[1]:
            preferred = ""
    return unavailable, preferred


def season_document(name, period, tours, vehicles, seed, detour_factor, min_days_between_visits=21):
    """season.json's object: evenings Thursday to Sunday, 20:30–23:30, public holidays allowed,
    communes in communes.csv, road km as straight-line km × detour_factor."""
    return {
        "name": name,
        "period": {"from": period[0].isoformat(), "to": period[1].isoformat()},
        "evenings": {
            "weekdays": ["jeudi", "vendredi", "samedi", "dimanche"],
            "start": "20:30", "end": "23:30", "blackouts": [], "publicHolidays": "allow",
        },
        "tours": tours,
        "vehicles": vehicles,
        "communesFile": "communes.csv",
        "minDaysBetweenVisits": min_days_between_visits,
        "seed": seed,
        "distances": {"detourFactor": detour_factor},
    }


def write_season(output, season, rows):
    """Writes season.json and communes.csv (one row a dict, in the columns' order) to output."""
    os.makedirs(output, exist_ok=True)
    with open(os.path.join(output, "season.json"), "w", encoding="utf-8") as f:
        json.dump(season, f, ensure_ascii=False, indent=2)
        f.write("\n")
    with open(os.path.join(output, "communes.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
