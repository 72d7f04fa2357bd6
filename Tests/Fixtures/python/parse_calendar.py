"""Parses an iCalendar file with the icalendar package and prints what it found as JSON.

Usage: parse_calendar.py FILE
Each event's start and end are given twice: as icalendar resolves the TZID (the system zone
database) and as the file's own VTIMEZONE defines it, so the tests check both agree.
"""
import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar


def instant(value):
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def describe_calendar(raw):
    calendar = Calendar.from_ical(raw)
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in calendar.walk("VTIMEZONE")}
    events = []
    for event in calendar.walk("VEVENT"):
        entry = {}
        for key in ("UID", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "URL"):
            entry[key.lower()] = str(event[key]) if key in event else None
        entry["sequence"] = int(event["SEQUENCE"]) if "SEQUENCE" in event else None
        entry["geo"] = [event["GEO"].latitude, event["GEO"].longitude] if "GEO" in event else None
        entry["dtstamp"] = instant(event["DTSTAMP"].dt)
        for key in ("DTSTART", "DTEND"):
            prop = event[key]
            value = prop.dt
            tzid = prop.params.get("TZID")
            own = zones[tzid] if tzid in zones else None
            entry[key.lower()] = {
                "local": value.strftime("%Y-%m-%dT%H:%M"),
                "tzid": tzid,
                "utc": instant(value),
                "utc_by_vtimezone": instant(value.replace(tzinfo=own)) if own is not None else None,
            }
        events.append(entry)
    return {
        "prodid": str(calendar["PRODID"]),
        "version": str(calendar["VERSION"]),
        "calscale": str(calendar.get("CALSCALE")),
        "method": str(calendar.get("METHOD")),
        "timezones": sorted(zones),
        "events": events,
    }


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as handle:
        print(json.dumps(describe_calendar(handle.read()), ensure_ascii=False))
