import Foundation

/// A file attached to a message, sent in base64 (RFC 2045 §6.8) with a Content-Disposition file name (RFC 2183).
public struct MailAttachment: Hashable, Sendable {
    /// The file name shown to the recipient: printable ASCII without quote or backslash.
    public let filename: String
    /// The content type, e.g. `MediaType.calendar(method: .publish)`.
    public let mediaType: MediaType
    /// The raw bytes.
    public let content: [UInt8]

    /// Validates the file name. O(n).
    public init(filename: String, mediaType: MediaType, content: [UInt8]) throws(MessageError) {
        guard MediaType.isQuotable(filename), filename.utf8.count <= 60 else { throw .invalidFilename(filename) }
        self.filename = filename
        self.mediaType = mediaType
        self.content = content
    }

    /// The MIME part: headers, blank line, base64 in lines of 76 characters, CRLF-terminated. O(n).
    func renderPart() -> String {
        let withName = try! MediaType(
            type: mediaType.type, subtype: mediaType.subtype,
            parameters: mediaType.parameters + [.init("name", filename)])
        let encoded = Data(content).base64EncodedString(
            options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return HeaderField(name: "Content-Type", tokens: withName.headerTokens).render()
            + "Content-Transfer-Encoding: base64\r\n"
            + HeaderField(name: "Content-Disposition", tokens: ["attachment;", "filename=\"\(filename)\""]).render()
            + "\r\n" + encoded + (encoded.isEmpty ? "" : "\r\n")
    }
}
