import Cryptography

/// The signed token of a mairie's link: its claims and the key's number in a canonical binary
/// form, then HMAC-SHA-256 over a domain label and that form, all in base64url without padding.
///
/// Layout: version (1 byte, 1), key id (4, big-endian), expiry (8, big-endian seconds),
/// event id (2-byte length, UTF-8), address (2-byte length, UTF-8), MAC (32). Each field's length
/// is explicit, so no two claims encode alike (moving a byte from the id to the address changes
/// the lengths, hence the MAC).
public enum LinkToken {
    static let version: UInt8 = 1
    static let headerByteCount = 1 + 4 + 8
    /// Separates these MACs from any other use of the same key.
    static let domain = Array("tournee-link\u{0}".utf8)

    /// The token for `claims` signed with `key`; nil when a field is longer than 65 535 bytes.
    public static func sign(_ claims: LinkClaims, with key: LinkKey) -> String? {
        guard let payload = payload(claims, keyID: key.id) else { return nil }
        return Base64URL.encode(payload + mac(payload, key: key))
    }

    /// Checks `token` against `ring` at instant `now` (seconds since 1970). Never throws and never
    /// traps, whatever `token` holds; O(length of the token).
    public static func verify(_ token: String, ring: LinkKeyRing, now: Int64) -> LinkVerification {
        guard token.utf8.count <= 1024, let decoded = Base64URL.decode(token) else { return .tampered }
        let bytes = decoded.bytes
        var reader = ByteReader(bytes)
        guard let version = reader.byte() else { return .truncated }
        guard version == Self.version else { return .tampered }
        guard let keyID = reader.uint32(), let expiry = reader.uint64(), let eventID = reader.field(),
            let address = reader.field()
        else { return .truncated }
        let signedCount = reader.offset
        guard bytes.count >= signedCount + HMACSHA256.byteCount else { return .truncated }
        guard bytes.count == signedCount + HMACSHA256.byteCount, decoded.canonical else { return .tampered }
        guard let key = ring.key(id: keyID) else { return .unknownKey }
        let signed = Array(bytes[..<signedCount])
        guard ConstantTime.equal(mac(signed, key: key), bytes[signedCount...]) else { return .tampered }
        guard let eventText = String(validating: eventID, as: UTF8.self), let addressText = String(validating: address, as: UTF8.self)
        else { return .tampered }
        let claims = LinkClaims(eventID: eventText, mairieAddress: addressText, expiresAt: Int64(bitPattern: expiry))
        return now < claims.expiresAt ? .valid(claims) : .expired(claims)
    }

    static func payload(_ claims: LinkClaims, keyID: UInt32) -> [UInt8]? {
        let eventID = Array(claims.eventID.utf8)
        let address = Array(claims.mairieAddress.utf8)
        guard eventID.count <= Int(UInt16.max), address.count <= Int(UInt16.max) else { return nil }
        var bytes = [version]
        bytes += bigEndian(UInt64(keyID), count: 4)
        bytes += bigEndian(UInt64(bitPattern: claims.expiresAt), count: 8)
        bytes += bigEndian(UInt64(eventID.count), count: 2) + eventID
        bytes += bigEndian(UInt64(address.count), count: 2) + address
        return bytes
    }

    static func mac(_ payload: [UInt8], key: LinkKey) -> [UInt8] {
        var mac = HMACSHA256(key: key.secret)
        mac.update(domain)
        mac.update(payload)
        return mac.finalize()
    }

    private static func bigEndian(_ value: UInt64, count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }
}

/// Reads the token's fields in order; each read is nil when the bytes run out.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8? { take(1)?.first }

    mutating func uint32() -> UInt32? { take(4).map { UInt32(truncatingIfNeeded: Self.number($0)) } }

    mutating func uint64() -> UInt64? { take(8).map(Self.number) }

    /// A 2-byte length, then that many bytes.
    mutating func field() -> ArraySlice<UInt8>? {
        guard let length = take(2).map(Self.number) else { return nil }
        return take(Int(length))
    }

    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private static func number(_ bytes: ArraySlice<UInt8>) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
}
