import Foundation
import Testing

@testable import Operations
@testable import TestSupport

struct PasswordRecordTests {
    /// Python's `hashlib.pbkdf2_hmac` (OpenSSL) recomputes each record from its salt and cost.
    @Test func pythonRecomputesTheStoredHash() throws {
        for password in ["correct horse battery", "été à Saint-Dizier ☀", String(repeating: "x", count: 300)] {
            let record = try PasswordRecord.make(password: password)
            #expect(record.iterations == 600_000)
            #expect(record.salt.count == 16)
            let agrees = try PythonPeer.run(
                code: """
                    import base64, hashlib, sys
                    scheme, iterations, salt, key = sys.argv[2].split("$")
                    derived = hashlib.pbkdf2_hmac("sha256", sys.argv[1].encode(), base64.b64decode(salt), int(iterations), 32)
                    print(scheme == "pbkdf2-sha256" and derived == base64.b64decode(key))
                    """, [password, record.encoded])
            #expect(agrees.trimmingCharacters(in: .whitespacesAndNewlines) == "True")
        }
    }

    @Test func onlyTheRightPasswordMatches() throws {
        let record = try PasswordRecord.make(password: "correct horse battery")
        #expect(record.matches("correct horse battery"))
        for wrong in ["", "correct horse batter", "correct horse battery ", "Correct horse battery"] { #expect(!record.matches(wrong)) }
        let reread = try #require(PasswordRecord(encoded: record.encoded))
        #expect(reread == record)
        #expect(reread.matches("correct horse battery"))
    }

    @Test func twoRecordsOfOnePasswordDiffer() throws {
        let first = try PasswordRecord.make(password: "correct horse battery")
        let second = try PasswordRecord.make(password: "correct horse battery")
        #expect(first.salt != second.salt)
        #expect(first.hash != second.hash)
    }

    /// A record altered in the database is refused as a whole, never read with a cost or salt
    /// nobody chose: a cost of 1 would make guessing free, a huge one would hang a sign-in.
    @Test func alteredRecordsAreRefused() throws {
        let good = try PasswordRecord.make(password: "correct horse battery").encoded
        let parts = good.split(separator: "$").map(String.init)
        let altered = [
            "", "pbkdf2-sha256", good + "$", "md5$" + parts.dropFirst().joined(separator: "$"),
            [parts[0], "1", parts[2], parts[3]].joined(separator: "$"),
            [parts[0], "99999", parts[2], parts[3]].joined(separator: "$"),
            [parts[0], "1000000000", parts[2], parts[3]].joined(separator: "$"),
            [parts[0], "-600000", parts[2], parts[3]].joined(separator: "$"),
            [parts[0], parts[1], "c2Vs", parts[3]].joined(separator: "$"),
            [parts[0], parts[1], parts[2], "AAAA"].joined(separator: "$"),
            [parts[0], parts[1], "!!!", parts[3]].joined(separator: "$"),
        ]
        for text in altered { #expect(PasswordRecord(encoded: text) == nil, "\(text)") }
    }

    @Test func theRulesAskForLengthNotComposition() {
        #expect(PasswordRules.problem("court", name: "anne")?.contains("attendu au moins 12") == true)
        #expect(PasswordRules.problem("annie-anne-annie", name: "anne")?.contains("nom du compte") == true)
        #expect(PasswordRules.problem("aaaaaaaaaaaaaaaa", name: "bob")?.contains("différents") == true)
        #expect(PasswordRules.problem("avec\tune tabulation", name: "bob")?.contains("contrôle") == true)
        #expect(PasswordRules.problem(String(repeating: "ab", count: 600), name: "bob")?.contains("1024 octets") == true)
        #expect(PasswordRules.problem("tout en minuscules", name: "bob") == nil)
    }
}
