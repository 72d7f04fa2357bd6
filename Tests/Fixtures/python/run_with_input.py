"""Runs a program with lines on its standard input, through a pipe or a terminal.

usage: run_with_input.py pipe|terminal INPUT_JSON PROGRAM [ARGUMENT...]

INPUT_JSON is a JSON list of lines. With "terminal" the program gets a pseudo-terminal (what a
person at a shell gives it) and each line is typed after the program's next prompt (" : ");
what the terminal showed is returned, so a test can check that no secret was echoed.
Prints {"status": N, "stdout": ..., "stderr": ..., "terminal": ...} as JSON.
"""
import json
import os
import pty
import select
import subprocess
import sys
import time

mode, lines, program = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3:]
if mode == "pipe":
    done = subprocess.run(program, input="".join(line + "\n" for line in lines).encode(), capture_output=True, timeout=60)
    print(json.dumps({"status": done.returncode, "stdout": done.stdout.decode(), "stderr": done.stderr.decode(), "terminal": ""}))
    sys.exit(0)

pid, master = pty.fork()
if pid == 0:
    os.execv(program[0], program)
shown = b""
pending = list(lines)
deadline = time.monotonic() + 60
status = None
while time.monotonic() < deadline:
    ready, _, _ = select.select([master], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            chunk = b""
        if not chunk:
            break
        shown += chunk
        if pending and shown.rstrip().endswith(b":"):
            # Give the program the time to turn the echo off before typing.
            time.sleep(0.2)
            os.write(master, (pending.pop(0) + "\n").encode())
    finished, code = os.waitpid(pid, os.WNOHANG)
    if finished:
        status = code
        break
# The program may have written its last words just before exiting: read them until the
# terminal closes, so that the test sees everything a person would have seen.
while True:
    ready, _, _ = select.select([master], [], [], 1.0)
    if not ready:
        break
    try:
        chunk = os.read(master, 4096)
    except OSError:
        break
    if not chunk:
        break
    shown += chunk
if status is None:
    finished, code = os.waitpid(pid, os.WNOHANG)
    if not finished:
        os.kill(pid, 9)
        _, code = os.waitpid(pid, 0)
    status = code
print(json.dumps({"status": os.waitstatus_to_exitcode(status), "stdout": "", "stderr": "", "terminal": shown.decode(errors="replace")}))
