import CivilTime
import Testing

@testable import Operations

/// Tries to break the mairies' link tokens: every changed character and byte, every truncation,
/// fields swapped between two tokens, expiry to the second, unknown and rotated keys.
struct LinkTokenTests {
    static let key = LinkKey(id: 7, secret: Array(repeating: 0x5a, count: 32))!
    static let ring = LinkKeyRing(keys: [key])!
    static let claims = LinkClaims(eventID: "guinguette-2027-21231-1", mairieAddress: "mairie@saint-eloi.fr", expiresAt: 1_812_000_000)
    static let token = ring.sign(claims)!

    @Test func aSignedTokenVerifiesUntilItsExpiryToTheSecond() {
        #expect(Self.ring.verify(Self.token, now: Self.claims.expiresAt - 1) == .valid(Self.claims))
        #expect(Self.ring.verify(Self.token, now: Self.claims.expiresAt) == .expired(Self.claims))
        #expect(Self.ring.verify(Self.token, now: Self.claims.expiresAt + 1) == .expired(Self.claims))
        #expect(Self.token.utf8.allSatisfy { $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "/") })
    }

    @Test func theDefaultExpiryIsTheEndOfTheThirdDayAfterTheEveningInParis() {
        let evening = CivilDate(year: 2027, month: 6, day: 4)!
        let claims = LinkClaims(eventID: "e", mairieAddress: "m@x.fr", evening: evening)
        // Tuesday 8 June 2027, 00:00 Paris (UTC+2) is 7 June, 22:00 UTC.
        let expected = ParisTime.instant(on: CivilDate(year: 2027, month: 6, day: 8)!, at: LocalTime(hour: 0, minute: 0)!)
        #expect(claims.expiresAt == Int64(expected.timeIntervalSince1970))
        #expect(claims.expiresAt % 86_400 == 22 * 3600)
    }

    @Test func everyChangedCharacterIsRefused() {
        let characters = Array(Self.token.utf8)
        for index in characters.indices {
            for replacement in ["A", "z", "-", "_", "0"].map({ UInt8(ascii: Unicode.Scalar($0)!) }) where replacement != characters[index] {
                var changed = characters
                changed[index] = replacement
                let result = Self.ring.verify(String(decoding: changed, as: UTF8.self), now: 0)
                #expect(Self.refusedWithoutClaims(result), "character \(index) → \(replacement): \(result)")
            }
        }
    }

    @Test func everyFlippedBitOfTheDecodedTokenIsRefused() {
        let bytes = Base64URL.decode(Self.token)!.bytes
        for index in bytes.indices {
            for bit in 0..<8 {
                var changed = bytes
                changed[index] ^= 1 << UInt8(bit)
                let result = Self.ring.verify(Base64URL.encode(changed), now: 0)
                #expect(Self.refusedWithoutClaims(result), "byte \(index) bit \(bit): \(result)")
            }
        }
    }

    @Test func everyTruncationIsTruncated() {
        for length in 0..<Self.token.utf8.count {
            let cut = String(Self.token.prefix(length))
            #expect(Self.ring.verify(cut, now: 0) == .truncated, "cut at \(length)")
        }
        #expect(Self.ring.verify(Self.token + "A", now: 0) == .tampered)
        #expect(Self.ring.verify(Self.token + "AA", now: 0) == .tampered)
    }

    @Test func fieldsSwappedBetweenTwoTokensAreRefused() throws {
        let other = LinkClaims(eventID: "guinguette-2027-21231-2", mairieAddress: "accueil@autre.fr", expiresAt: 1_900_000_000)
        let first = Base64URL.decode(Self.token)!.bytes
        let second = Base64URL.decode(try #require(Self.ring.sign(other)))!.bytes
        // The other token's address, expiry and event id, each with the first token's MAC.
        let macStart = first.count - 32
        let swaps: [[UInt8]] = [
            LinkToken.payload(
                LinkClaims(eventID: Self.claims.eventID, mairieAddress: other.mairieAddress, expiresAt: Self.claims.expiresAt), keyID: 7)!
                + first[macStart...],
            LinkToken.payload(
                LinkClaims(eventID: Self.claims.eventID, mairieAddress: Self.claims.mairieAddress, expiresAt: other.expiresAt), keyID: 7)!
                + first[macStart...],
            LinkToken.payload(
                LinkClaims(eventID: other.eventID, mairieAddress: Self.claims.mairieAddress, expiresAt: Self.claims.expiresAt), keyID: 7)!
                + first[macStart...],
            Array(second[..<(second.count - 32)]) + first[macStart...],
        ]
        for swapped in swaps { #expect(Self.ring.verify(Base64URL.encode(swapped), now: 0) == .tampered) }
    }

    @Test func aByteMovedBetweenTheFieldsChangesTheMAC() {
        let moved = LinkClaims(eventID: "guinguette-2027-21231-1m", mairieAddress: "airie@saint-eloi.fr", expiresAt: Self.claims.expiresAt)
        #expect(LinkToken.payload(moved, keyID: 7) != LinkToken.payload(Self.claims, keyID: 7))
        #expect(
            LinkToken.mac(LinkToken.payload(moved, keyID: 7)!, key: Self.key)
                != LinkToken.mac(LinkToken.payload(Self.claims, keyID: 7)!, key: Self.key))
    }

    @Test func hostileInputNeverTraps() {
        let inputs = [
            "", "=", "====", "AAAA", "\u{0}", "é", String(repeating: "A", count: 5000), "../../etc/passwd", "AQ", Self.token + "=",
            " " + Self.token,
        ]
        for input in inputs { #expect(Self.refusedWithoutClaims(Self.ring.verify(input, now: 0)), "\(input.prefix(20))") }
    }

    @Test func rotationSignsWithTheNewestAndStillVerifiesTheOld() throws {
        let rotated = try #require(Self.ring.adding(secret: Array(repeating: 0x33, count: 40)))
        #expect(rotated.newest.id == 8)
        let fresh = try #require(rotated.sign(Self.claims))
        #expect(fresh != Self.token)
        #expect(rotated.verify(Self.token, now: 0) == .valid(Self.claims))
        #expect(rotated.verify(fresh, now: 0) == .valid(Self.claims))
        #expect(Self.ring.verify(fresh, now: 0) == .unknownKey)
        let otherRing = LinkKeyRing(keys: [LinkKey(id: 7, secret: Array(repeating: 0x5b, count: 32))!])!
        #expect(otherRing.verify(Self.token, now: 0) == .tampered)
    }

    @Test func shortKeysAndDuplicateIdsAreRefused() {
        #expect(LinkKey(id: 1, secret: Array(repeating: 1, count: 31)) == nil)
        #expect(LinkKeyRing(keys: []) == nil)
        #expect(LinkKeyRing(keys: [Self.key, Self.key]) == nil)
    }

    private static func refusedWithoutClaims(_ result: LinkVerification) -> Bool {
        switch result {
        case .valid, .expired: false
        case .truncated, .tampered, .unknownKey: true
        }
    }
}
