"""What a tour map holds, read with Python's XML parser (so the SVG must be well-formed), as JSON.

usage: map_facts.py FILE
FILE is a map.svg, or an (X)HTML report whose inline map is titled « Carte de la tournée ».
Prints: the ids of the map's groups in document order, the départements drawn, each tour's legs,
the communes' and bases' marks, the labels (anchor point and lines) and every text of the map.
"""
import json
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
if root.tag != SVG + "svg":
    root = next(s for s in root.iter(SVG + "svg") if s.find(SVG + "title").text == "Carte de la tournée")


def group(name):
    return next((g for g in root.iter(SVG + "g") if g.get("id") == name), None)


def number(element, key):
    return float(element.get(key))


legs = group("trajets")
communes = group("communes")
bases = group("bases")
labels = group("etiquettes")
facts = {
    "title": root.find(SVG + "title").text,
    "desc": root.find(SVG + "desc").text,
    "groups": [g.get("id") for g in root.iter(SVG + "g") if g.get("id")],
    "departements": [p.get("data-code") for p in group("departements").iter(SVG + "path")] if group("departements") is not None else [],
    "tours": [{"name": g.get("data-tour"), "stroke": g.get("stroke"), "dash": g.get("stroke-dasharray"),
               "legs": [[number(l, k) for k in ("x1", "y1", "x2", "y2")] for l in g.iter(SVG + "line")]}
              for g in legs.findall(SVG + "g")],
    "communes": [{"x": number(c, "cx"), "y": number(c, "cy"), "r": number(c, "r"), "fill": c.get("fill"),
                  "stroke": c.get("stroke"), "dash": c.get("stroke-dasharray")} for c in communes.iter(SVG + "circle")],
    "bases": [{"x": number(r, "x") + number(r, "width") / 2, "y": number(r, "y") + number(r, "height") / 2}
              for r in bases.iter(SVG + "rect")],
    "labels": [{"x": number(t, "x"), "y": number(t, "y"), "anchor": t.get("text-anchor"), "fill": t.get("fill"),
                "lines": [s.text for s in t.iter(SVG + "tspan")]} for t in labels.iter(SVG + "text")],
    "leaders": len([l for l in labels.iter(SVG + "line")]),
    "texts": ["".join(t.itertext()).strip() for t in root.iter(SVG + "text")],
}
print(json.dumps(facts, ensure_ascii=False))
