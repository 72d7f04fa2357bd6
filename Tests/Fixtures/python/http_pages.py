"""The staff's and planners' pages over plain HTTP (Python's http.client), for the scripts that
try them: one request per connection, cookies by hand, the sign-in form with its CSRF token.

configure(HOST, PORT) first; each answer is {"status", "headers", "body"}.
"""
import http.client
import re
import urllib.parse

host, port = "127.0.0.1", 0


def configure(to_host, to_port):
    global host, port
    host, port = to_host, to_port


def request(method, path, cookies=None, form=None, headers=None):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    sent = dict(headers or {})
    if cookies:
        sent["Cookie"] = "; ".join("%s=%s" % pair for pair in cookies.items())
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form, doseq=True)
        sent["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=sent)
    response = connection.getresponse()
    answer = {"status": response.status, "headers": response.getheaders(), "body": response.read().decode("utf-8", "replace")}
    connection.close()
    return answer


def set_cookies(answer):
    jar = {}
    for name, value in answer["headers"]:
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            jar[key] = rest.split(";")[0]
    return jar


def csrf(answer):
    found = re.search(r'name="csrf" value="([^"]*)"', answer["body"])
    return found.group(1) if found else ""


def sign_in(name, secret, extra_cookies=None):
    page = request("GET", "/connexion")
    cookies = set_cookies(page)
    cookies.update(extra_cookies or {})
    answer = request("POST", "/connexion", cookies=cookies, form={"csrf": csrf(page), "nom": name, "mot_de_passe": secret})
    return answer, set_cookies(answer).get("tournee_session")
