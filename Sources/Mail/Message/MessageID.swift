/// A globally unique message identifier `<token@domain>` (RFC 5322 §3.6.4).
public struct MessageID: Hashable, Sendable, CustomStringConvertible {
    /// The left part, unique within `domain` (the caller supplies it: no clock or randomness here).
    public let token: String
    /// The right part, usually the sender's domain.
    public let domain: String

    /// Validates both parts as dot-atom text (RFC 5322 §3.6.4 `id-left` / `id-right`). O(n).
    public init(token: String, domain: String) throws(MessageError) {
        try MessageError.checkHeaderText(token, field: "Message-ID")
        try MessageError.checkHeaderText(domain, field: "Message-ID")
        guard MailAddress.isDotAtomText(token[...]), token.utf8.count <= 128 else {
            throw .invalidMessageID(field: "jeton", value: token)
        }
        guard MailAddress.isDotAtomText(domain[...]), domain.utf8.count <= 253 else {
            throw .invalidMessageID(field: "domaine", value: domain)
        }
        self.token = token
        self.domain = domain
    }

    /// The header form, `<token@domain>`.
    public var description: String { "<\(token)@\(domain)>" }
}
