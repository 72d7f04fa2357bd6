import CivilTime
import Foundation

/// One VEVENT (RFC 5545 §3.6.1) for an evening of the tour, timed in Europe/Paris.
public struct CalendarEvent: Hashable, Sendable {
    /// STATUS values of a VEVENT (RFC 5545 §3.8.1.11).
    public enum Status: String, Sendable {
        /// Proposed, not yet agreed by the mairie.
        case tentative = "TENTATIVE"
        /// Agreed.
        case confirmed = "CONFIRMED"
        /// Called off; send with METHOD:CANCEL.
        case cancelled = "CANCELLED"
    }

    /// A GEO position in decimal degrees (RFC 5545 §3.8.1.6).
    public struct Position: Hashable, Sendable {
        /// Degrees north, −90…90.
        public let latitude: Double
        /// Degrees east, −180…180.
        public let longitude: Double

        /// Validates the ranges.
        public init(latitude: Double, longitude: Double) throws(CalendarError) {
            guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                throw .invalidGeo(latitude: latitude, longitude: longitude)
            }
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    /// The persistent identifier shared by every version of the event (RFC 5545 §3.8.4.7).
    public let uid: String
    /// The revision number, raised when the event moves (RFC 5545 §3.8.7.4).
    public let sequence: Int
    /// Local start in Europe/Paris.
    public let start: LocalDateTime
    /// Local end in Europe/Paris, after the start.
    public let end: LocalDateTime
    /// The title.
    public let summary: String
    /// The place, e.g. "Place de l'église, Wassy".
    public let location: String?
    /// Free text; line breaks are kept.
    public let description: String?
    /// The place's coordinates.
    public let position: Position?
    /// Tentative, confirmed or cancelled.
    public let status: Status
    /// A page about the event.
    public let url: String?

    /// Validates texts, the URL and that the event ends after it starts. O(size of the texts).
    public init(
        uid: String, sequence: Int = 0, start: LocalDateTime, end: LocalDateTime, summary: String,
        location: String? = nil, description: String? = nil, position: Position? = nil,
        status: Status = .confirmed, url: String? = nil
    ) throws(CalendarError) {
        guard !uid.isEmpty else { throw .empty(field: "UID") }
        try ContentLine.checkText(uid, field: "UID")
        try ContentLine.checkText(summary, field: "SUMMARY")
        if let location { try ContentLine.checkText(location, field: "LOCATION") }
        if let description { try ContentLine.checkText(description, field: "DESCRIPTION") }
        if let url, url.isEmpty || !url.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) {
            throw .invalidURL(url)
        }
        guard sequence >= 0 else { throw .negativeSequence(sequence) }
        guard ParisTime.instant(of: start) < ParisTime.instant(of: end) else { throw .endNotAfterStart(uid: uid) }
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.position = position
        self.status = status
        self.url = url
    }

    /// The unfolded content lines of this VEVENT, stamped with `stamp` in UTC.
    func lines(stamp: Date) -> [String] {
        let zone = "TZID=\(ParisTimeZone.identifier)"
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + ContentLine.escapeText(uid),
            "DTSTAMP:" + ParisTime.utcBasicForm(stamp),
            "DTSTART;\(zone):" + start.iCalendarForm,
            "DTEND;\(zone):" + end.iCalendarForm,
            "SEQUENCE:\(sequence)",
            "STATUS:" + status.rawValue,
            "SUMMARY:" + ContentLine.escapeText(summary),
        ]
        if let location { lines.append("LOCATION:" + ContentLine.escapeText(location)) }
        if let position {
            lines.append("GEO:" + String(format: "%.6f;%.6f", position.latitude, position.longitude))
        }
        if let description { lines.append("DESCRIPTION:" + ContentLine.escapeText(description)) }
        if let url { lines.append("URL:" + url) }
        lines.append("END:VEVENT")
        return lines
    }
}
