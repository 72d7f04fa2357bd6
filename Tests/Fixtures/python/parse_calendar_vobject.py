"""Parses an iCalendar file with the vobject package and prints what it found as JSON.

Usage: parse_calendar_vobject.py FILE
A second parser, independent of icalendar (parse_calendar.py), with the same JSON shape, so
the tests read every calendar file twice. vobject resolves a TZID with the file's own VTIMEZONE:
"utc" is that reading, and "utc_by_vtimezone" is left null (parse_calendar.py checks the system
zone database agrees).
"""
import json
import sys
from datetime import timezone

import vobject


def instant(value):
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(component, name):
    child = getattr(component, name, None)
    return None if child is None else str(child.value)


def moment(prop):
    value = prop.value
    # vobject swaps the TZID parameter for the VTIMEZONE it resolved, and keeps the name here.
    tzid = (prop.params.get("X-VOBJ-ORIGINAL-TZID") or prop.params.get("TZID") or [None])[0]
    return {
        "local": value.strftime("%Y-%m-%dT%H:%M"),
        "tzid": tzid,
        "utc": instant(value),
        "utc_by_vtimezone": None,
    }


def describe_calendar(raw):
    # strict: a line vobject cannot read is an error, not a silently skipped property.
    calendar = vobject.readOne(raw.decode("utf-8"), validate=True)
    events = []
    for event in calendar.contents.get("vevent", []):
        entry = {key: text(event, key) for key in ("uid", "summary", "location", "description", "status", "url")}
        entry["sequence"] = int(event.sequence.value) if hasattr(event, "sequence") else None
        if hasattr(event, "geo"):
            latitude, longitude = event.geo.value.split(";")
            entry["geo"] = [float(latitude), float(longitude)]
        else:
            entry["geo"] = None
        entry["dtstamp"] = instant(event.dtstamp.value)
        entry["dtstart"] = moment(event.dtstart)
        entry["dtend"] = moment(event.dtend)
        events.append(entry)
    return {
        "prodid": text(calendar, "prodid"),
        "version": text(calendar, "version"),
        "calscale": text(calendar, "calscale"),
        "method": text(calendar, "method"),
        "timezones": sorted(str(z.tzid.value) for z in calendar.contents.get("vtimezone", [])),
        "events": events,
    }


if __name__ == "__main__":
    with open(sys.argv[1], "rb") as handle:
        print(json.dumps(describe_calendar(handle.read()), ensure_ascii=False))
