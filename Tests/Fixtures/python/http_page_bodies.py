"""Signs in and fetches pages over plain HTTP (Python's http.client), for tests that read them.

usage: http_page_bodies.py HOST PORT PASSWORD NAME:PATH...
Each NAME:PATH is fetched by account NAME (signed in once with PASSWORD). Prints a JSON object
PATH -> {"status": N, "body": TEXT}.
"""
import http.client
import json
import re
import sys
import urllib.parse

host, port, password = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def request(method, path, cookies=None, form=None):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {}
    if cookies:
        headers["Cookie"] = "; ".join("%s=%s" % pair for pair in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    answer = (response.status, response.getheaders(), response.read().decode("utf-8", "replace"))
    connection.close()
    return answer


def cookies_of(headers):
    return {value.split("=", 1)[0]: value.split("=", 1)[1].split(";")[0] for name, value in headers if name.lower() == "set-cookie"}


sessions = {}
pages = {}
for argument in sys.argv[4:]:
    name, path = argument.split(":", 1)
    if name not in sessions:
        _, headers, body = request("GET", "/connexion")
        jar = cookies_of(headers)
        token = re.search(r'name="csrf" value="([^"]*)"', body).group(1)
        _, headers, _ = request("POST", "/connexion", cookies=jar, form={"csrf": token, "nom": name, "mot_de_passe": password})
        sessions[name] = cookies_of(headers)
    status, _, body = request("GET", path, cookies=sessions[name])
    pages[path] = {"status": status, "body": body}
print(json.dumps(pages, ensure_ascii=False))
