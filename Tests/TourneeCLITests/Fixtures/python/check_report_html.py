"""Parses the HTML report with Python's XML parser (so it must be well-formed) and prints, as
JSON, the headline figures, the table sizes and what each inline SVG chart holds.

Usage: check_report_html.py FILE
"""
import json
import sys
import xml.etree.ElementTree as ET

H = "{http://www.w3.org/1999/xhtml}"
SVG = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
figures = {}
for item in root.iter(H + "li"):
    value = item.find(H + "span")
    figures[(value.tail or "").strip()] = value.text
tables = [[[("".join(cell.itertext())) for cell in row] for row in table.iter(H + "tr")] for table in root.iter(H + "table")]
charts = []
for svg in root.iter(SVG + "svg"):
    charts.append({
        "title": svg.find(SVG + "title").text,
        "rects": len(svg.findall(".//" + SVG + "rect")),
        "circles": len(svg.findall(".//" + SVG + "circle")),
        "texts": [t.text for t in svg.iter(SVG + "text")],
    })
print(json.dumps({"root": root.tag, "title": root.find(H + "head/" + H + "title").text,
                  "h2": [h.text for h in root.iter(H + "h2")], "figures": figures,
                  "tables": tables, "charts": charts}, ensure_ascii=False))
