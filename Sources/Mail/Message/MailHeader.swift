/// A caller-defined header field such as `Auto-Submitted` or `X-Tournee-Event` (RFC 5322 §3.6.8).
public struct MailHeader: Hashable, Sendable {
    /// Fields the message writes itself and a custom header may not replace.
    static let reservedNames: Set<String> = [
        "date", "from", "sender", "reply-to", "to", "cc", "bcc", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
    ]

    /// The field name: printable ASCII without colon, at most 50 characters so its first line can hold an encoded word.
    public let name: String
    /// The unstructured value, encoded as RFC 2047 words when not plain ASCII.
    public let value: String

    /// Validates the name (RFC 5322 §3.6.8 `ftext`) and refuses line breaks in the value. O(n).
    public init(name: String, value: String) throws(MessageError) {
        guard !name.isEmpty, name.utf8.count <= 50,
            name.unicodeScalars.allSatisfy({ $0.value >= 33 && $0.value <= 126 && $0 != ":" })
        else { throw .invalidHeaderName(name) }
        guard !Self.reservedNames.contains(name.lowercased()) else { throw .reservedHeader(name) }
        try MessageError.checkHeaderText(value, field: name)
        self.name = name
        self.value = value
    }
}
