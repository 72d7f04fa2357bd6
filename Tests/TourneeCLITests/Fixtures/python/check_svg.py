"""Parses an SVG file with Python's XML parser and prints what the map holds, as JSON.

Usage: check_svg.py FILE
"""
import json
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
print(json.dumps({
    "root": root.tag,
    "title": root.find(SVG + "title").text,
    "circles": len(root.findall(".//" + SVG + "circle")),
    "texts": [t.text for t in root.iter(SVG + "text")],
    "strokes": sorted({g.get("stroke") for g in root.iter(SVG + "g") if g.get("stroke")}),
}))
