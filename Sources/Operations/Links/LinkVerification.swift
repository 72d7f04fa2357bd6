/// What checking a link token found. Only `valid` and `expired` carry claims, and only once the
/// MAC has matched: a forged token never names an evening.
public enum LinkVerification: Equatable, Sendable {
    /// Signed by a key of the ring, and not expired.
    case valid(LinkClaims)
    /// Signed by a key of the ring, but its expiry has passed.
    case expired(LinkClaims)
    /// Shorter than its own fields say: cut when copied from the message.
    case truncated
    /// Not a token, or changed since it was signed.
    case tampered
    /// Names a key the ring no longer (or never) held.
    case unknownKey
}
