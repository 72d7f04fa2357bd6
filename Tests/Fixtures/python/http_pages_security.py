"""Tries to break the staff's and planners' pages over plain HTTP (Python's http.client).

usage: http_pages_security.py HOST PORT PASSWORD
Accounts (see WebWorld): bruno (staff, guinguette-2023, camion), anne (planner, every season),
claire (planner, guinguette-2023 only), eve (staff, for the rate limit). Prints one JSON object
of what each attempt got; the test asserts on it.
"""
import json
import re
import sys

from http_pages import configure, csrf, request, set_cookies, sign_in

host, port, password = sys.argv[1], int(sys.argv[2]), sys.argv[3]
configure(host, port)
seen = {}


# Sign-in form without its cookie: another site posting it.
seen["loginWithoutCookie"] = request("POST", "/connexion", form={"csrf": "x", "nom": "bruno", "mot_de_passe": password})["status"]

# Session fixation: a session id chosen beforehand is neither kept nor accepted.
planted = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
answer, bruno = sign_in("bruno", password, {"tournee_session": planted})
seen["login"] = answer["status"]
seen["loginLocation"] = dict(answer["headers"]).get("Location")
seen["sessionChanged"] = bruno is not None and bruno != planted
seen["sessionCookie"] = [value for name, value in answer["headers"] if name.lower() == "set-cookie" and value.startswith("tournee_session=")]
seen["plantedAccepted"] = request("GET", "/soirees", cookies={"tournee_session": planted})["status"]

# Wrong passwords until the limit, then the right one waits.
seen["wrong"] = [sign_in("eve", "mauvais mot de passe %d" % attempt)[0]["status"] for attempt in range(5)]
locked, _ = sign_in("eve", password)
seen["locked"] = locked["status"]
seen["retryAfter"] = dict(locked["headers"]).get("Retry-After")
seen["lockedText"] = "Trop d&apos;essais" in locked["body"]

# A name typed at sign-in comes back escaped.
hostile = '"><script>alert(1)</script>'
reflected = sign_in(hostile, "x")[0]["body"]
seen["nameEscaped"] = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in reflected and "<script>alert" not in reflected

# Staff trying the planners' pages and actions.
staff = {"tournee_session": bruno}
list_page = request("GET", "/soirees", cookies=staff)
token = csrf(list_page)
seen["staffPages"] = {
    path: request("GET", path, cookies=staff)["status"]
    for path in ["/saisons", "/saison/guinguette-2023", "/deplacer/guinguette-2023-52169-7", "/replanifier/guinguette-2023", "/rapport/guinguette-2023"]
}
seen["staffConfirm"] = request(
    "POST", "/action", cookies=staff, form={"csrf": token, "soiree": "guinguette-2023-52528-3", "action": "confirmer", "raison": "x"})["status"]

# CSRF: missing, wrong, or another session's token.
form = {"personnes": "10", "cle": "cle-de-formulaire-0001"}
_, anne = sign_in("anne", password)
anne_token = csrf(request("GET", "/saisons", cookies={"tournee_session": anne}))
seen["csrf"] = [
    request("POST", "/soiree/guinguette-2023-52203-2", cookies=staff, form=dict(form, **extra))["status"]
    for extra in [{}, {"csrf": "faux"}, {"csrf": anne_token}]
]

# A number staff mistype comes back on the form with the field named, nothing recorded.
typo_page = request("GET", "/soiree/guinguette-2023-51315-1", cookies=staff)
typo_key = re.search(r'name="cle" value="([^"]*)"', typo_page["body"]).group(1)
typo = request("POST", "/soiree/guinguette-2023-51315-1", cookies=staff,
               form={"csrf": token, "cle": typo_key, "personnes": "douze", "notes": "gardée"})
seen["typoStatus"] = typo["status"]
seen["typoExplained"] = ("Personnes présentes : nombre entier positif ou nul attendu, trouvé « douze »" in typo["body"]
                         and ">gardée</textarea>" in typo["body"])

# XSS through what staff type: a note and a partner's name, shown again on the form.
form_page = request("GET", "/soiree/guinguette-2023-52203-2", cookies=staff)
key = re.search(r'name="cle" value="([^"]*)"', form_page["body"]).group(1)
recorded = request("POST", "/soiree/guinguette-2023-52203-2", cookies=staff, form={
    "csrf": token, "cle": key, "personnes": "40", "notes": "<script>alert('note')</script>",
    "nouveau_partenaire": "<img src=x onerror=alert(1)>", "type_partenaire": "artiste", "partenaire": []})
seen["xssRecorded"] = recorded["status"]
again = request("GET", "/soiree/guinguette-2023-52203-2", cookies=staff)["body"]
seen["xssEscaped"] = ("&lt;img src=x onerror=alert(1)&gt;" in again and "&lt;script&gt;alert(&apos;note&apos;)&lt;/script&gt;" in again
                       and "<img src=x" not in again and "<script>alert" not in again)

# Another season's evenings and boards.
seen["otherSeasonStaff"] = [
    request("GET", "/soiree/guinguette-2027-51315-printemps-1", cookies=staff)["status"],
    request("POST", "/soiree/guinguette-2027-51315-printemps-1", cookies=staff,
            form={"csrf": token, "cle": "cle-de-formulaire-0002", "personnes": "5"})["status"],
]
_, claire = sign_in("claire", password)
claire_cookies = {"tournee_session": claire}
claire_token = csrf(request("GET", "/saisons", cookies=claire_cookies))
seen["otherSeasonPlanner"] = [
    request("GET", "/saison/guinguette-2027", cookies=claire_cookies)["status"],
    request("GET", "/deplacer/guinguette-2027-51315-printemps-1", cookies=claire_cookies)["status"],
    request("POST", "/action", cookies=claire_cookies,
            form={"csrf": claire_token, "soiree": "guinguette-2027-51315-printemps-1", "action": "confirmer", "raison": "x"})["status"],
    request("GET", "/saison/guinguette-2023", cookies=claire_cookies)["status"],
]
seen["claireListingHas2027"] = "guinguette-2027" in request("GET", "/saisons", cookies=claire_cookies)["body"]

# Sign-out ends the session on the server, not only in the browser.
out = request("POST", "/deconnexion", cookies={"tournee_session": anne}, form={"csrf": anne_token})
seen["logout"] = out["status"]
seen["afterLogout"] = request("GET", "/saisons", cookies={"tournee_session": anne})["status"]

seen["cookies"] = {"bruno": bruno, "claire": claire}
print(json.dumps(seen, ensure_ascii=False))
