#!/usr/bin/env bash
# Builds Benchmarks/crypto/main.swift with the Cryptography sources as one optimised module
# (-O, whole module, as a release build compiles them) and runs it: SHA-256 throughput and one
# PBKDF2-HMAC-SHA256 at 600 000 iterations. Python's OpenSSL-backed hashlib is timed alongside
# when TOURNEE_PYTHON is set, as a reference.
set -euo pipefail
repo_root=$(cd "$(dirname "$0")/.." && pwd)
binary=$(mktemp)
trap 'rm -f "$binary"' EXIT
swiftc -O -wmo -module-name CryptoBench "$repo_root"/Sources/Cryptography/*.swift "$repo_root/Benchmarks/crypto/main.swift" -o "$binary"
"$binary"
if [ -n "${TOURNEE_PYTHON:-}" ]; then
    "$TOURNEE_PYTHON" -c '
import hashlib, time
data = b"a" * (1 << 20)
start = time.perf_counter(); h = hashlib.sha256()
for _ in range(256): h.update(data)
print("python hashlib sha256: %.0f MiB/s" % (256 / (time.perf_counter() - start)))
start = time.perf_counter(); hashlib.pbkdf2_hmac("sha256", b"motdepasse", b"sel", 600000, 32)
print("python hashlib pbkdf2, 600 000 iterations: %.3f s" % (time.perf_counter() - start))'
fi
