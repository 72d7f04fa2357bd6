import Foundation
import Glibc
import Operations
import TestSupport
import Testing

struct LinksCommandTests {
    /// A rotation adds a key, keeps the file private, and the links already sent stay valid.
    @Test func rotationAddsAKeyAndOldLinksStillOpen() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("link-keys")
        let missing = TourneeRun(["links", "rotate", "--key-file", path])
        #expect(missing.status == .noInput && missing.err.contains(path))
        let first = try LinkKeyRingFile.loadOrCreate(path: path)
        let claims = LinkClaims(eventID: "s-1", mairieAddress: "mairie@example.org", expiresAt: 2_000_000_000)
        let sent = try #require(first.sign(claims))
        let rotated = TourneeRun(["links", "rotate", "--key-file", path])
        #expect(rotated.status == .success)
        #expect(rotated.out == "Clé 2 ajoutée : \(path) (2 clés ; les liens déjà envoyés restent valides) — redémarrez tourneed\n")
        let ring = try LinkKeyRingFile.load(path: path)
        #expect(ring.keys.count == 2 && ring.verify(sent, now: 1_900_000_000) == .valid(claims))
        #expect(try #require(ring.sign(claims)) != sent)
        var status = stat()
        #expect(stat(path, &status) == 0 && UInt32(status.st_mode) & 0o777 == 0o600)
        #expect(TourneeRun(["links", "turn"]).status == .usage)
    }
}
