"""The mairies' personal links in the messages of a maildir, read with Python's email package.

usage: mairie_links.py MAILDIR [RULE]
Prints {"EVENT": {"link": URL, "to": ADDRESS, "subject": ..., "rule": ..., "body": TEXT}} for
every message (of rule RULE when given, from the Message-ID's rule part); "link" is "" when the
body offers none.
"""
import email
import email.policy
import json
import os
import re
import sys

folder, rule = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
found = {}
for sub in ("new", "cur"):
    path = os.path.join(folder, sub)
    if not os.path.isdir(path):
        continue
    for name in sorted(os.listdir(path)):
        with open(os.path.join(path, name), "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        # <EVENT.RULE.sSEQUENCE@DOMAIN>
        message_rule = message["Message-ID"].strip("<>").split("@")[0].split(".")[-2] if message["Message-ID"] else ""
        if rule and message_rule != rule:
            continue
        body = message.get_body(preferencelist=("plain",)).get_content()
        link = re.search(r"(https?://\S+/m/[A-Za-z0-9_-]+)", body)
        found[message["X-Tournee-Event"]] = {"link": link.group(1) if link else "", "to": message["To"].addresses[0].addr_spec,
                                              "subject": str(message["Subject"]), "rule": message_rule, "body": body}
print(json.dumps(found, ensure_ascii=False))
