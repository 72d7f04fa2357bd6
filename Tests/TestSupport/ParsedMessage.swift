import Foundation

/// What `Fixtures/parse_message.py` read back with Python's `email` package.
struct ParsedMessage: Decodable {
    struct Attachment: Decodable {
        let filename: String?
        let content_type: String
        let params: [String: String]
        let encoding: String?
        let text: String
        let calendar: ParsedCalendar?
    }

    let defects: [String]
    let from: [[String]]
    let to: [[String]]
    let cc: [[String]]
    let reply_to: [[String]]
    let subject: String
    let date: String?
    let message_id: String
    let headers: [[String]]
    let content_type: String
    let body_encoding: String?
    let body: String?
    let attachments: [Attachment]
    let encoded_words: [EncodedWordCheck]

    /// Length and standalone UTF-8 validity of one encoded word.
    struct EncodedWordCheck: Decodable {
        let length: Int
        let isValidUTF8: Bool
        init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            length = try container.decode(Int.self)
            isValidUTF8 = try container.decode(Bool.self)
        }
    }

    /// The value of the first header named `name`, decoded.
    func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    /// Parses `bytes` by writing them to a temporary file.
    static func parse(_ bytes: [UInt8]) throws -> ParsedMessage {
        let file = try TemporaryDirectory().url.appendingPathComponent("message.eml")
        try Data(bytes).write(to: file)
        return try parse(file: file)
    }

    /// Parses a message file.
    static func parse(file: URL) throws -> ParsedMessage {
        try Python.json(ParsedMessage.self, "parse_message.py", [file.path])
    }
}

/// What `Fixtures/parse_calendar.py` read back with the `icalendar` package.
struct ParsedCalendar: Decodable {
    struct Time: Decodable, Equatable {
        let local: String
        let tzid: String?
        let utc: String
        let utc_by_vtimezone: String?
    }

    struct Event: Decodable {
        let uid: String?
        let summary: String?
        let location: String?
        let description: String?
        let status: String?
        let url: String?
        let sequence: Int?
        let geo: [Double]?
        let dtstamp: String
        let dtstart: Time
        let dtend: Time
    }

    let prodid: String
    let version: String
    let calscale: String
    let method: String
    let timezones: [String]
    let events: [Event]

    /// Parses iCalendar bytes by writing them to a temporary file.
    static func parse(_ bytes: [UInt8]) throws -> ParsedCalendar {
        let file = try TemporaryDirectory().url.appendingPathComponent("calendar.ics")
        try Data(bytes).write(to: file)
        return try Python.json(ParsedCalendar.self, "parse_calendar.py", [file.path])
    }
}

/// A fresh directory under the system temporary folder (left for the OS to clean).
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("tournee-mail-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
}
