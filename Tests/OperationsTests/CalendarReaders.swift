import Foundation
import TestSupport

/// Every calendar file read by two independent parsers, Python's `icalendar`
/// (`parse_calendar.py`) and `vobject` (`parse_calendar_vobject.py`): a file only one of them
/// reads as meant is not a file calendar apps agree on.
enum CalendarReaders {
    /// The calendar as each parser read it, named for the test's messages.
    static func both(_ bytes: [UInt8]) throws -> [(parser: String, calendar: ParsedCalendar)] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-\(UUID().uuidString).ics")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        return [
            ("icalendar", try PythonPeer.json(ParsedCalendar.self, "parse_calendar.py", [file.path])),
            ("vobject", try PythonPeer.json(ParsedCalendar.self, "parse_calendar_vobject.py", [file.path])),
        ]
    }
}
