import Foundation

/// An e-mail ready to render: RFC 5322 headers and a MIME body (RFC 2045/2046) with a UTF-8 text part and attachments.
public struct Message: Sendable {
    /// The author (RFC 5322 §3.6.2).
    public let from: MailAddress
    /// Primary recipients (RFC 5322 §3.6.3).
    public let to: [MailAddress]
    /// Carbon-copy recipients.
    public let cc: [MailAddress]
    /// Where replies go, e.g. the tour's coordinator.
    public let replyTo: [MailAddress]
    /// The subject, encoded as RFC 2047 words when not plain ASCII.
    public let subject: String
    /// The origination instant, given by the caller (no wall clock here).
    public let date: Date
    /// The zone whose offset the `Date` header shows, normally Europe/Paris.
    public let timeZone: TimeZone
    /// The unique identifier (RFC 5322 §3.6.4).
    public let messageID: MessageID
    /// Extra fields, rendered in the order given after the standard ones.
    public let headers: [MailHeader]
    /// The body text; any line-break convention, sent as quoted-printable UTF-8.
    public let text: String
    /// Files sent after the text in a multipart/mixed body (RFC 2046 §5.1.3).
    public let attachments: [MailAttachment]

    /// Checks the subject for line breaks and that there is at least one recipient. O(n).
    public init(
        from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: [MailAddress] = [],
        subject: String, date: Date, timeZone: TimeZone, messageID: MessageID,
        headers: [MailHeader] = [], text: String, attachments: [MailAttachment] = []
    ) throws(MessageError) {
        try MessageError.checkHeaderText(subject, field: "Subject")
        guard !(to.isEmpty && cc.isEmpty) else { throw .noRecipient }
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.headers = headers
        self.text = text
        self.attachments = attachments
    }

    /// Every envelope recipient: To then Cc, each address once, in order. O(n²) on the (few) recipients.
    public var recipients: [MailAddress] {
        var seen: [String] = []
        return (to + cc).filter { address in
            let key = address.addrSpec.lowercased()
            if seen.contains(key) { return false }
            seen.append(key)
            return true
        }
    }

    /// The message as CRLF-terminated lines of at most 78 characters (headers) and 76 (body). O(size).
    public func render() -> [UInt8] {
        var head = HeaderField(name: "Date", tokens: [MailDate.format(date, in: timeZone)]).render()
        head += addressField("From", [from])
        if !replyTo.isEmpty { head += addressField("Reply-To", replyTo) }
        if !to.isEmpty { head += addressField("To", to) }
        if !cc.isEmpty { head += addressField("Cc", cc) }
        head += HeaderField(name: "Subject", unstructured: subject).render()
        head += HeaderField(name: "Message-ID", tokens: [messageID.description]).render()
        for header in headers {
            head += HeaderField(name: header.name, unstructured: header.value).render()
        }
        head += "MIME-Version: 1.0\r\n"
        let textHeaders = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        var body = QuotedPrintable.encode(text)
        if body.last != 10 { body += [13, 10] }
        guard !attachments.isEmpty else {
            return Array((head + textHeaders + "\r\n").utf8) + body
        }
        let boundary = self.boundary
        head += HeaderField(name: "Content-Type", tokens: ["multipart/mixed;", "boundary=\"\(boundary)\""]).render()
        var output = Array((head + "\r\nThis is a MIME message.\r\n--\(boundary)\r\n" + textHeaders + "\r\n").utf8) + body
        // The CRLF before a delimiter belongs to it (RFC 2046 §5.1.1): one more keeps the text's final line break.
        output += [13, 10]
        for attachment in attachments {
            output += Array(("--\(boundary)\r\n" + attachment.renderPart()).utf8)
        }
        output += Array("--\(boundary)--\r\n".utf8)
        return output
    }

    /// A boundary that cannot occur in quoted-printable or base64 text, since both never write "=_" (RFC 2046 §5.1.1).
    private var boundary: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in messageID.description.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return "=_tournee_" + String(hash, radix: 16)
    }

    private func addressField(_ name: String, _ addresses: [MailAddress]) -> String {
        let firstWord = HeaderField.firstWordLength(forName: name)
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            var mailbox = address.headerTokens(firstWordLength: firstWord)
            if index < addresses.count - 1 { mailbox[mailbox.count - 1] += "," }
            tokens += mailbox
        }
        return HeaderField(name: name, tokens: tokens).render()
    }
}
