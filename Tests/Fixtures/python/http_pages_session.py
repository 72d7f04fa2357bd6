"""Whether each session cookie still opens a page: prints {"name": status of GET PATH}.

usage: http_pages_session.py HOST PORT PATH NAME=COOKIE...
"""
import http.client
import json
import sys

host, port, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seen = {}
for pair in sys.argv[4:]:
    name, cookie = pair.split("=", 1)
    connection = http.client.HTTPConnection(host, port, timeout=30)
    connection.request("GET", path, headers={"Cookie": "tournee_session=" + cookie})
    response = connection.getresponse()
    response.read()
    seen[name] = [str(response.status), response.getheader("Location")]
    connection.close()
print(json.dumps(seen))
