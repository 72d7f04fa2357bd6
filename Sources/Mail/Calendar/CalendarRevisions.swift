import CivilTime

/// The UID, start, end and SEQUENCE of each VEVENT of a calendar this writer wrote before, so a
/// new version of the file raises the SEQUENCE of every event whose date or time changed
/// (RFC 5545 §3.8.7.4): calendar apps ignore an update whose SEQUENCE did not grow.
public struct CalendarRevisions: Sendable {
    private struct Revision: Sendable {
        var start: String
        var end: String
        var sequence: Int
    }

    private let byUID: [String: Revision]

    /// No earlier calendar: every event starts at SEQUENCE 0.
    public init() { byUID = [:] }

    /// Reads `bytes`, an earlier calendar; events it cannot read (no UID, no start) are left
    /// out, as if new. O(size).
    public init(previous bytes: [UInt8]) {
        var found: [String: Revision] = [:]
        var current: [String: String]?
        for line in Self.unfolded(String(decoding: bytes, as: UTF8.self)) {
            if line == "BEGIN:VEVENT" {
                current = [:]
            } else if line == "END:VEVENT", let fields = current {
                current = nil
                guard let uid = fields["UID"], let start = fields["DTSTART"], let end = fields["DTEND"] else { continue }
                found[uid] = Revision(start: start, end: end, sequence: fields["SEQUENCE"].flatMap { Int($0) } ?? 0)
            } else if current != nil, let colon = line.firstIndex(of: ":") {
                // The name ends at the first ";" (parameters) or ":" (value).
                let head = line[..<colon]
                let name = String(head.prefix { $0 != ";" }).uppercased()
                current?[name] = Self.unescaped(String(line[line.index(after: colon)...]))
            }
        }
        byUID = found
    }

    /// The SEQUENCE for the event `uid` from `start` to `end`: the earlier one, raised by one when
    /// the start or the end changed; 0 for an event the earlier calendar did not hold.
    public func sequence(uid: String, start: LocalDateTime, end: LocalDateTime) -> Int {
        guard let earlier = byUID[uid] else { return 0 }
        let moved = earlier.start != start.iCalendarForm || earlier.end != end.iCalendarForm
        return earlier.sequence + (moved ? 1 : 0)
    }

    /// Content lines with their folds (CRLF or LF, then a space or tab) joined back (RFC 5545 §3.1).
    private static func unfolded(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line.dropFirst()
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// A TEXT value with `\\`, `\;`, `\,` and `\n` read back (RFC 5545 §3.3.11).
    private static func unescaped(_ value: String) -> String {
        var output = ""
        var escaping = false
        for character in value {
            if escaping {
                output.append(character == "n" || character == "N" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        return output
    }
}
