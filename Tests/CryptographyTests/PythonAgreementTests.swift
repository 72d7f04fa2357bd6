import Testing

@testable import Cryptography
@testable import TestSupport

/// Our SHA-256, HMAC and PBKDF2 against Python's hashlib and hmac on inputs of many lengths,
/// the block boundaries (55/56 bytes, where the length no longer fits the last block; 63/64/65)
/// among them.
struct PythonAgreementTests {
    static let script = """
        import hashlib, hmac, sys
        for case in sys.argv[1:]:
            kind, key, message = case.split(":")
            key, message = bytes.fromhex(key), bytes.fromhex(message)
            if kind == "sha":
                print(hashlib.sha256(message).hexdigest())
            elif kind == "hmac":
                print(hmac.new(key, message, "sha256").hexdigest())
            else:
                print(hashlib.pbkdf2_hmac("sha256", key, message, 3, len(key) + 1).hex())
        """

    static func lengths() -> [Int] {
        var random = SeededRandom(seed: 11)
        let boundaries = [0, 1, 55, 56, 57, 63, 64, 65, 111, 119, 120, 127, 128, 129, 191, 192, 193]
        return boundaries + (0..<100).map { _ in random.below(300) } + (0..<20).map { _ in random.below(5000) }
    }

    @Test func agreesWithPython() throws {
        var random = SeededRandom(seed: 4231)
        func bytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        var cases: [String] = []
        var expected: [String] = []
        for length in Self.lengths() {
            let message = bytes(length)
            cases.append("sha::" + Hexadecimal.text(message))
            expected.append(Hexadecimal.text(SHA256.hash(message)))
            let key = bytes(length % 3 == 0 ? length % 150 : 32)
            cases.append("hmac:\(Hexadecimal.text(key)):\(Hexadecimal.text(message))")
            expected.append(Hexadecimal.text(HMACSHA256.authenticationCode(key: key, message: message)))
            let salt = bytes(length % 70)
            cases.append("pbkdf2:\(Hexadecimal.text(key)):\(Hexadecimal.text(salt))")
            expected.append(Hexadecimal.text(try PBKDF2.sha256(password: key, salt: salt, iterations: 3, keyByteCount: key.count + 1)))
        }
        let output = try PythonPeer.run(code: Self.script, cases).split(separator: "\n").map(String.init)
        #expect(output.count == expected.count)
        for (index, (ours, theirs)) in zip(expected, output).enumerated() where ours != theirs {
            Issue.record("case \(index) (\(cases[index].prefix(40))…): ours \(ours), Python \(theirs)")
        }
    }
}
