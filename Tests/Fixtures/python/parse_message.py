"""Parses one RFC 5322 message file with Python's email package and prints what it found as JSON.

Usage: parse_message.py PATH [--calendar]
PATH is a message file, or a maildir whose messages are all parsed (a JSON list sorted by
Message-ID); --calendar also parses text/calendar attachments with icalendar.
The Swift tests compare this output with what they asked the Mail target to write.
"""
import json
import os
import quopri
import re
import sys
from email import message_from_bytes, policy

from parse_calendar import describe_calendar


def addresses(message, name):
    header = message[name]
    if header is None:
        return []
    return [[a.display_name, a.addr_spec] for a in header.addresses]


def encoded_words(raw):
    """Each RFC 2047 word of the raw header section: its length and whether it alone is valid UTF-8."""
    head = re.split(rb"\r?\n\r?\n", raw, maxsplit=1)[0].decode("ascii")
    words = []
    for match in re.finditer(r"=\?UTF-8\?Q\?([^?]*)\?=", head):
        decoded = quopri.decodestring(match.group(1).encode("ascii"), header=True)
        try:
            decoded.decode("utf-8")
            valid = True
        except UnicodeDecodeError:
            valid = False
        words.append([len(match.group(0)), valid])
    return words


def describe(raw, with_calendar):
    message = message_from_bytes(raw, policy=policy.default)
    defects = [type(d).__name__ for d in message.defects]
    for part in message.walk():
        defects += [type(d).__name__ for d in part.defects]
    body = message.get_body(preferencelist=("plain",))
    attachments = []
    for part in message.iter_attachments():
        content = part.get_content()
        entry = {
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "params": {k: v for k, v in part.get_params()[1:]},
            "encoding": part["Content-Transfer-Encoding"],
        }
        if isinstance(content, bytes):
            content = content.decode("utf-8")
        entry["text"] = content
        if with_calendar and part.get_content_type() == "text/calendar":
            entry["calendar"] = describe_calendar(content.encode("utf-8"))
        attachments.append(entry)
    date = message["Date"]
    return {
        "defects": defects,
        "from": addresses(message, "From"),
        "to": addresses(message, "To"),
        "cc": addresses(message, "Cc"),
        "reply_to": addresses(message, "Reply-To"),
        "subject": str(message["Subject"]),
        "date": date.datetime.isoformat() if date is not None else None,
        "message_id": str(message["Message-ID"]),
        "headers": [[k, str(v)] for k, v in message.items()],
        "content_type": message.get_content_type(),
        "body_encoding": body["Content-Transfer-Encoding"] if body is not None else None,
        "body": body.get_content().replace("\r\n", "\n") if body is not None else None,
        "attachments": attachments,
        "encoded_words": encoded_words(raw),
    }


def describe_path(path, with_calendar):
    """One message for a file; for a maildir, every message in new/ and cur/, sorted by Message-ID."""
    if not os.path.isdir(path):
        with open(path, "rb") as handle:
            return describe(handle.read(), with_calendar)
    messages = []
    for sub in ("new", "cur"):
        folder = os.path.join(path, sub)
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            with open(os.path.join(folder, name), "rb") as handle:
                messages.append(describe(handle.read(), with_calendar))
    return sorted(messages, key=lambda m: m["message_id"])


if __name__ == "__main__":
    print(json.dumps(describe_path(sys.argv[1], "--calendar" in sys.argv[2:]), ensure_ascii=False))
