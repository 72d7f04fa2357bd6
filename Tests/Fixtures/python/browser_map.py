"""Opens maps in Chromium as a reader would and measures what the browser drew.

usage: browser_map.py SHOTS_FOLDER NAME=FILE...
Each FILE is a map.svg (shown inline in a page at the phone's width, as a planner opens it on a
phone) or an HTML report holding the map. For each map, prints as JSON the number of names and
every pair of names, or name and mark, whose boxes as laid out by the browser overlap, and the
names that leave the drawing or run into the legend; screenshots at phone and at desktop width go to SHOTS_FOLDER.
"""
import json
import os
import sys
import tempfile

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from browser import Session, phone

MEASURE = """
const svg = [...document.querySelectorAll('svg')].find(s => s.querySelector('#etiquettes'));
const box = e => { const b = e.getBBox(); return {x: b.x, y: b.y, w: b.width, h: b.height,
  name: e.textContent.trim().slice(0, 60)}; };
const names = [...svg.querySelectorAll('#etiquettes text')].map(box);
const marks = [...svg.querySelectorAll('.marque')].map(box);
const view = svg.viewBox.baseVal, legend = svg.querySelector('#legende').getBBox();
const meet = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
const overlaps = [];
names.forEach((a, i) => {
  names.slice(i + 1).forEach(b => { if (meet(a, b)) overlaps.push([a.name, b.name]); });
  marks.forEach(m => { if (meet(a, m)) overlaps.push([a.name, 'marque ' + Math.round(m.x) + ',' + Math.round(m.y)]); });
});
const outside = names.filter(a => a.x < 0 || a.y < 0 || a.x + a.w > legend.x || a.y + a.h > view.height).map(a => a.name);
return {names: names.length, overlaps: overlaps, outside: outside, width: svg.getBoundingClientRect().width};
"""


def desktop():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=fr-FR", "--window-size=1280,900"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


shots = sys.argv[1]
maps = dict(argument.split("=", 1) for argument in sys.argv[2:])
os.makedirs(shots, exist_ok=True)
pages = tempfile.mkdtemp()
seen = {}
small = Session("file://", shots, "telephone")
large = desktop()
try:
    for name, path in maps.items():
        if path.endswith(".svg"):
            with open(path, encoding="utf-8") as handle:
                svg = handle.read().split("?>", 1)[-1]
            page = os.path.join(pages, name + ".html")
            with open(page, "w", encoding="utf-8") as handle:
                handle.write("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
                             "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                             "<style>body{margin:0} svg{width:100%;height:auto}</style></head><body>" + svg + "</body></html>")
            path = page
        small.open(os.path.abspath(path))
        seen[name] = small.driver.execute_script(MEASURE)
        small.shot(name)
        large.get("file://" + os.path.abspath(path))
        large.set_window_size(1280, 900)
        height = large.execute_script("return document.documentElement.scrollHeight")
        large.set_window_size(1280, max(900, height + 120))
        large.save_screenshot(os.path.join(shots, "bureau-%s.png" % name))
finally:
    small.close()
    large.quit()
print(json.dumps(seen, ensure_ascii=False))
