"""Signs in and fetches pages over plain HTTP (Python's http.client), for tests that read them.

usage: http_page_bodies.py HOST PORT PASSWORD NAME:PATH...
Each NAME:PATH is fetched by account NAME (signed in once with PASSWORD). Prints a JSON object
PATH -> {"status": N, "body": TEXT}.
"""
import json
import sys

from http_pages import configure, request, sign_in

configure(sys.argv[1], int(sys.argv[2]))
password = sys.argv[3]
sessions = {}
pages = {}
for argument in sys.argv[4:]:
    name, path = argument.split(":", 1)
    if name not in sessions:
        sessions[name] = sign_in(name, password)[1]
    answer = request("GET", path, cookies={"tournee_session": sessions[name]})
    pages[path] = {"status": answer["status"], "body": answer["body"]}
print(json.dumps(pages, ensure_ascii=False))
