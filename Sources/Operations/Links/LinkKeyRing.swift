/// The keys that sign and check mairies' links. New tokens are signed with the newest key (the
/// largest id); every key of the ring still checks the tokens it signed, so a rotation never
/// breaks a link already sent. A key is dropped from the file by hand once the last evening it
/// signed for is three days past.
public struct LinkKeyRing: Hashable, Sendable {
    /// The keys, oldest first; never empty, ids distinct.
    public let keys: [LinkKey]

    /// A ring of `keys`; nil when empty or when two keys share an id.
    public init?(keys: [LinkKey]) {
        guard !keys.isEmpty, Set(keys.map(\.id)).count == keys.count else { return nil }
        self.keys = keys.sorted { $0.id < $1.id }
    }

    /// The key that signs new tokens.
    public var newest: LinkKey { keys[keys.count - 1] }

    /// The key numbered `id`, if the ring holds it.
    public func key(id: UInt32) -> LinkKey? { keys.first { $0.id == id } }

    /// The ring with `secret` added as the newest key; nil when the ids are exhausted.
    public func adding(secret: [UInt8]) -> LinkKeyRing? {
        guard newest.id < UInt32.max, let key = LinkKey(id: newest.id + 1, secret: secret) else { return nil }
        return LinkKeyRing(keys: keys + [key])
    }

    /// The token for `claims`, signed with the newest key; nil when a field exceeds 65 535 bytes.
    public func sign(_ claims: LinkClaims) -> String? { LinkToken.sign(claims, with: newest) }

    /// What `token` is worth at `now` (seconds since 1970).
    public func verify(_ token: String, now: Int64) -> LinkVerification { LinkToken.verify(token, ring: self, now: now) }
}
