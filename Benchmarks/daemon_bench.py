"""Benchmark of tourneed (release build): a tick over N events and N messages through a local SMTP server.

Usage: .venv/bin/python3 Benchmarks/daemon_bench.py [--events 10000] [--binary .build/release/tourneed] [--tick-only]

1. Creates a database (tourneed migrates it) and inserts N proposed evenings, each in its own commune
   with a mairie address, directly with sqlite3 (the fixture; the daemon reads it through the Store).
2. Tick 1 at 2027-03-01 10:00 Paris: decides and renders N requests for agreement (relay closed, so
   nothing is sent); tick 2 at the same instant: nothing new (steady state).
3. Starts the aiosmtpd fixture server (Tests/Fixtures/python/smtp_server.py) and runs
   `tourneed --once`: every queued message goes through SMTP on 127.0.0.1, one connection for
   the round (the server counts its connections).
Each run reports its wall time, the daemon's own durations (log lines) and peak memory (VmHWM from
/proc/PID/status, sampled until exit).
"""
import argparse
import datetime
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from zoneinfo import ZoneInfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOW = "2027-03-01T10:00:00+01:00"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(binary, args):
    start = time.monotonic()
    process = subprocess.Popen([binary] + args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    peak = 0
    status_path = f"/proc/{process.pid}/status"
    chunks = []
    import threading
    reader = threading.Thread(target=lambda: chunks.append(process.stderr.read()))
    reader.start()
    while process.poll() is None:
        try:
            with open(status_path) as handle:
                match = re.search(r"VmHWM:\s+(\d+) kB", handle.read())
                if match:
                    peak = max(peak, int(match.group(1)))
        except OSError:
            pass
        time.sleep(0.02)
    reader.join()
    wall = time.monotonic() - start
    if process.returncode != 0:
        sys.exit(f"tourneed {args} exited {process.returncode}: {chunks[0][-2000:]}")
    return wall, peak, chunks[0]


def field(log, message, key):
    for line in log.splitlines():
        if f" {message} " in line + " " and f"{key}=" in line:
            return int(re.search(rf"{key}=(\d+)", line).group(1))
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10000)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/tourneed"))
    parser.add_argument("--tick-only", action="store_true", help="skip the dispatch run")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="tourneed-bench-")
    database = os.path.join(folder, "bench.db")
    config = os.path.join(folder, "tourneed.json")
    port = free_port()
    with open(config, "w") as handle:
        handle.write(f"""{{
  "database": "bench.db", "transport": "smtp://127.0.0.1:{port}", "smtpTimeoutSeconds": 30,
  "from": {{"address": "tournee@bench.example.org", "name": "Banc d'essai"}},
  "staff": [{{"address": "equipe@bench.example.org"}}], "planners": [{{"address": "planification@bench.example.org"}}],
  "eveningContact": "Camille, 06 12 34 56 78", "signature": "L'équipe", "messageIDDomain": "bench.example.org",
  "organiser": {{"name": "Banc d'essai", "phone": "03 25 00 00 00", "address": "1 rue du Banc, 52100 Saint-Dizier"}},
  "reminders": "{ROOT}/config/reminders.json", "templates": "{ROOT}/config/templates",
  "retry": {{"maxAttempts": 8, "initialSeconds": 1, "maxSeconds": 2}}, "logLevel": "debug"
}}""")
    closed = f"smtp://127.0.0.1:{free_port()}"
    run(args.binary, ["--config", config, "--once", "--now", NOW, "--transport", closed])
    paris = ZoneInfo("Europe/Paris")
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("INSERT INTO seasons VALUES ('bench', 'Saison de banc', '2027-05-01', '2029-12-31', 'Europe/Paris')")
        first = datetime.date(2027, 5, 1)
        for index in range(args.events):
            insee = f"{index:05d}"
            day = first + datetime.timedelta(days=index // 30)
            start = datetime.datetime.combine(day, datetime.time(18, 30), paris)
            connection.execute("INSERT INTO communes VALUES (?, ?, 48.5, 4.8, 100, 0)", (insee, f"Village {index}"))
            connection.execute("INSERT INTO mairie_contacts (insee, position, name, email) VALUES (?, 0, ?, ?)",
                               (insee, f"Mairie {index}", f"mairie{index}@villages.example.org"))
            connection.execute("INSERT INTO events VALUES (?, 'bench', ?, ?, '18:30', '23:30', ?, ?, 'camion', NULL, 10, 'proposed', 1, 0, ?)",
                               (f"bench-{index:05d}", insee, day.isoformat(), int(start.timestamp()),
                                int(start.timestamp()) + 5 * 3600, 1_803_888_000))
    connection.close()
    print(f"machine: {os.cpu_count()} cores, {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}")
    wall, peak, log = run(args.binary, ["--config", config, "--once", "--now", NOW, "--transport", closed])
    print(f"tick 1 ({args.events} events, {field(log, 'tick done', 'queued')} messages decided and rendered): "
          f"{field(log, 'tick done', 'duration_ms')} ms in the daemon, process {wall:.2f} s, VmHWM {peak / 1024:.1f} MiB")
    wall, peak, log = run(args.binary, ["--config", config, "--once", "--now", NOW, "--transport", closed])
    print(f"tick 2 ({args.events} events, nothing new): {field(log, 'tick done', 'duration_ms')} ms in the daemon, "
          f"process {wall:.2f} s, VmHWM {peak / 1024:.1f} MiB")
    if args.tick_only:
        return
    mail = os.path.join(folder, "maildir")
    server = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests/Fixtures/python/smtp_server.py"),
                               "--port", str(port), "--dir", mail], stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        wall, peak, log = run(args.binary, ["--config", config, "--once", "--now", NOW])
    finally:
        server.terminate()
        server.wait()
    sent = field(log, "dispatch done", "sent")
    millis = field(log, "dispatch done", "duration_ms")
    delivered = len(os.listdir(os.path.join(mail, "new")))
    with open(os.path.join(mail, "connections")) as handle:
        connections = len(handle.read().splitlines()) - 1  # the readiness probe above
    print(f"dispatch: {sent} messages sent ({delivered} delivered) in {millis / 1000:.2f} s = {sent / (millis / 1000):.0f} messages/s, "
          f"process {wall:.2f} s, VmHWM {peak / 1024:.1f} MiB, {connections} SMTP connection(s)")


if __name__ == "__main__":
    main()
