#!/usr/bin/env python3
"""Load on tourneed's pages: C concurrent keep-alive clients (one thread and one connection each,
Python's http.client) for S seconds per page; prints one JSON line per page with requests per
second and latency percentiles, and the time of one sign-in.

usage: pages-load.py HOST PORT CLIENTS SECONDS PASSWORD ANSWER_PATH BOARD_PATH FORM_PATH
The board and the form are read signed in (as anne, planner; bruno, staff).
"""
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse

host, port, clients, seconds, password = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
answer_path, board_path, form_path = sys.argv[6:9]


def sign_in(name):
    connection = http.client.HTTPConnection(host, port, timeout=60)
    connection.request("GET", "/connexion")
    page = connection.getresponse()
    body = page.read().decode()
    cookie = page.getheader("Set-Cookie").split(";")[0]
    token = re.search(r'name="csrf" value="([^"]*)"', body).group(1)
    form = urllib.parse.urlencode({"csrf": token, "nom": name, "mot_de_passe": password})
    started = time.perf_counter()
    connection.request("POST", "/connexion", body=form, headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    answer = connection.getresponse()
    answer.read()
    elapsed = time.perf_counter() - started
    session = [value.split(";")[0] for name, value in answer.getheaders() if name.lower() == "set-cookie" and value.startswith("tournee_session=")][0]
    connection.close()
    return session, elapsed


def load(path, cookie):
    latencies, failures, sizes = [], [0], [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client():
        connection = http.client.HTTPConnection(host, port, timeout=60)
        mine = []
        while time.perf_counter() < stop:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
                response = connection.getresponse()
                body = response.read()
                if response.status != 200:
                    with lock:
                        failures[0] += 1
                mine.append(time.perf_counter() - started)
                sizes[0] = len(body)
            except Exception:
                with lock:
                    failures[0] += 1
                connection.close()
                connection = http.client.HTTPConnection(host, port, timeout=60)
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    latencies.sort()

    def percentile(fraction):
        return round(1000 * latencies[min(len(latencies) - 1, int(fraction * len(latencies)))], 1) if latencies else None

    return {"requests": len(latencies), "failures": failures[0], "rps": round(len(latencies) / wall, 1), "p50_ms": percentile(0.5),
            "p99_ms": percentile(0.99), "bytes": sizes[0]}


planner, planner_login = sign_in("anne")
staff, staff_login = sign_in("bruno")
print(json.dumps({"page": "sign-in (PBKDF2, 600 000 rounds)", "seconds": round(planner_login, 3), "second_login": round(staff_login, 3)}))
for name, path, cookie in [("answer page", answer_path, None), ("record form", form_path, staff), ("season board", board_path, planner)]:
    print(json.dumps(dict({"page": name, "clients": clients}, **load(path, cookie))))
    sys.stdout.flush()
