"""Answers two mairies' links with Python's http.client, replays a post, and tries broken links.

usage: http_mairie_answers.py ACCEPT_LINK DECLINE_LINK COMMENT
Prints one JSON object of what each attempt got.
"""
import http.client
import json
import re
import sys
import urllib.parse

accept_link, decline_link, comment = sys.argv[1:4]


def request(link, method="GET", form=None, path=None):
    parts = urllib.parse.urlsplit(link)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    body = urllib.parse.urlencode(form) if form is not None else None
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if form is not None else {}
    connection.request(method, path or parts.path, body=body, headers=headers)
    response = connection.getresponse()
    answer = {"status": response.status, "body": response.read().decode(), "headers": dict(response.getheaders())}
    connection.close()
    return answer


def form_of(page, answer):
    block = re.search(r'name="csrf" value="([^"]*)">\s*<input type="hidden" name="cle" value="([^"]*)">\s*<input type="hidden" name="reponse" value="%s">' % answer, page)
    return {"csrf": block.group(1), "cle": block.group(2), "reponse": answer}


def notice(page):
    found = re.search(r'<p class="annonce">(.*?)</p>', page["body"], re.S)
    return found.group(1) if found else ""


seen = {}
page = request(accept_link)
seen["page"] = page["status"]
seen["headers"] = {name: page["headers"].get(name) for name in ["Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "Cache-Control"]}
accept = form_of(page["body"], "accepte")
first = request(accept_link, "POST", accept)
seen["accepted"] = [first["status"], notice(first)]
replay = request(accept_link, "POST", accept)
seen["replayed"] = [replay["status"], notice(replay)]
seen["withoutCsrf"] = request(accept_link, "POST", dict(accept, csrf="faux"))["status"]
seen["csrfOfOtherLink"] = request(accept_link, "POST", dict(form_of(request(decline_link)["body"], "refus")))["status"]

decline = dict(form_of(request(decline_link)["body"], "refus"), commentaire=comment)
declined = request(decline_link, "POST", decline)
seen["declined"] = [declined["status"], notice(declined)]
seen["secondVisit"] = notice(request(decline_link))

token = urllib.parse.urlsplit(accept_link).path[len("/m/"):]
flipped = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
seen["tampered"] = request(accept_link, path="/m/" + flipped)["status"]
seen["truncated"] = request(accept_link, path="/m/" + token[: len(token) // 2])["status"]
seen["garbage"] = request(accept_link, path="/m/%C3%A9t%C3%A9")["status"]
seen["tamperedText"] = "Lien non valide" in request(accept_link, path="/m/" + flipped)["body"]
print(json.dumps(seen, ensure_ascii=False))
