// swift-format-ignore-file: AlwaysUseLowerCamelCase

// The fields are named as the Python peer's JSON keys, which the decoder matches one to one.
import Foundation

/// A message as `Tests/Fixtures/python/parse_message.py` read it back with Python's `email`.
public struct ParsedMessage: Decodable, Sendable {
    /// One attachment.
    public struct Attachment: Decodable, Sendable {
        /// Its file name.
        public let filename: String?
        /// Its media type.
        public let content_type: String
        /// The parameters of its Content-Type.
        public let params: [String: String]
        /// Its Content-Transfer-Encoding.
        public let encoding: String?
        /// Its decoded text.
        public let text: String
        /// A `text/calendar` part parsed by `icalendar` (with `--calendar`).
        public let calendar: ParsedCalendar?
    }

    /// Length and standalone UTF-8 validity of one encoded word.
    public struct EncodedWordCheck: Decodable, Sendable {
        /// Its length in characters.
        public let length: Int
        /// Whether its decoded bytes are valid UTF-8 on their own.
        public let isValidUTF8: Bool

        /// Decodes the `[length, valid]` pair the script writes.
        public init(from decoder: Decoder) throws {
            var container = try decoder.unkeyedContainer()
            length = try container.decode(Int.self)
            isValidUTF8 = try container.decode(Bool.self)
        }
    }

    /// The defects Python's parser found.
    public let defects: [String]
    /// From as (name, address) pairs.
    public let from: [[String]]
    /// To as (name, address) pairs.
    public let to: [[String]]
    /// Cc as (name, address) pairs.
    public let cc: [[String]]
    /// Reply-To as (name, address) pairs.
    public let reply_to: [[String]]
    /// The decoded subject.
    public let subject: String
    /// The Date header.
    public let date: String?
    /// The Message-ID header.
    public let message_id: String
    /// Every header as (name, decoded value), in order.
    public let headers: [[String]]
    /// The top-level media type.
    public let content_type: String
    /// The text body's Content-Transfer-Encoding.
    public let body_encoding: String?
    /// The decoded text body.
    public let body: String?
    /// The attachments, in order.
    public let attachments: [Attachment]
    /// Every encoded word of the raw headers.
    public let encoded_words: [EncodedWordCheck]

    /// The value of the first header named `name`, decoded.
    public func header(_ name: String) -> String? {
        headers.first { $0[0].lowercased() == name.lowercased() }?[1]
    }

    /// Parses `bytes` by writing them to a temporary file; `calendar` parses calendar parts too.
    public static func parse(_ bytes: [UInt8], calendar: Bool = false) throws -> ParsedMessage {
        let file = try temporaryFile("message.eml", bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        return try parse(file: file, calendar: calendar)
    }

    /// Parses a message file; `calendar` parses its calendar parts with `icalendar` too.
    public static func parse(file: URL, calendar: Bool = false) throws -> ParsedMessage {
        try PythonPeer.json(ParsedMessage.self, "parse_message.py", [file.path] + (calendar ? ["--calendar"] : []))
    }
}

/// A calendar as `Tests/Fixtures/python/parse_calendar.py` read it back with `icalendar`.
public struct ParsedCalendar: Decodable, Sendable {
    /// A date-time property.
    public struct Time: Decodable, Equatable, Sendable {
        /// The local time as written.
        public let local: String
        /// Its TZID parameter.
        public let tzid: String?
        /// The instant in UTC, by the system's time-zone database.
        public let utc: String
        /// The instant in UTC, by the calendar's own VTIMEZONE.
        public let utc_by_vtimezone: String?
    }

    /// One VEVENT.
    public struct Event: Decodable, Sendable {
        /// UID.
        public let uid: String?
        /// SUMMARY.
        public let summary: String?
        /// LOCATION.
        public let location: String?
        /// DESCRIPTION.
        public let description: String?
        /// STATUS.
        public let status: String?
        /// URL.
        public let url: String?
        /// SEQUENCE.
        public let sequence: Int?
        /// GEO as latitude, longitude.
        public let geo: [Double]?
        /// DTSTAMP.
        public let dtstamp: String
        /// DTSTART.
        public let dtstart: Time
        /// DTEND.
        public let dtend: Time
    }

    /// PRODID.
    public let prodid: String
    /// VERSION.
    public let version: String
    /// CALSCALE.
    public let calscale: String
    /// METHOD.
    public let method: String
    /// The TZIDs of its VTIMEZONEs.
    public let timezones: [String]
    /// Its events.
    public let events: [Event]

    /// Parses iCalendar bytes by writing them to a temporary file.
    public static func parse(_ bytes: [UInt8]) throws -> ParsedCalendar {
        let file = try temporaryFile("calendar.ics", bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        return try PythonPeer.json(ParsedCalendar.self, "parse_calendar.py", [file.path])
    }
}

private func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-\(UUID().uuidString)-\(name)")
    try Data(bytes).write(to: file)
    return file
}
