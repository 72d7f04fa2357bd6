// Throughput of the hand-written SHA-256 and the time of one PBKDF2 at 600 000 iterations (the
// OWASP 2023 figure for PBKDF2-HMAC-SHA256), built by Benchmarks/crypto.sh with the Cryptography
// sources in one optimised module.
import Foundation

func seconds(_ work: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    work()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let megabytes = 256
let chunk = [UInt8](repeating: 0x61, count: 1 << 20)
var digest: [UInt8] = []
let hashing = seconds {
    var hasher = SHA256()
    for _ in 0..<megabytes { hasher.update(chunk) }
    digest = hasher.finalize()
}
print(String(format: "sha256: %d MiB in %.3f s, %.0f MiB/s (digest %02x…)", megabytes, hashing, Double(megabytes) / hashing, digest[0]))

let short = seconds {
    for index in 0..<1_000_000 { digest = SHA256.hash([UInt8(truncatingIfNeeded: index)] + digest.prefix(31)) }
}
print(String(format: "sha256 of 32 bytes: %.0f ns each", short * 1e3))

var key: [UInt8] = []
let derivation = seconds {
    key = (try? PBKDF2.sha256(password: Array("motdepasse".utf8), salt: Array("sel".utf8), iterations: 600_000, keyByteCount: 32)) ?? []
}
print(String(format: "pbkdf2-hmac-sha256, 600 000 iterations, 32 bytes: %.3f s (key %02x…)", derivation, key.first ?? 0))
