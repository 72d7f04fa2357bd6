import CivilTime
import Foundation

/// An iCalendar object (RFC 5545 §3.4) with the Europe/Paris VTIMEZONE and the tour's events.
public struct ICalendar: Sendable {
    /// The iTIP method (RFC 5546 §1.4): publish an event, or cancel it.
    public enum Method: String, Sendable {
        /// Announce or update events.
        case publish = "PUBLISH"
        /// Withdraw events (send them with STATUS:CANCELLED and a raised SEQUENCE).
        case cancel = "CANCEL"
    }

    /// The product identifier (RFC 5545 §3.7.3), e.g. `-//Tournée//Tournée//FR`.
    public let productID: String
    /// PUBLISH or CANCEL.
    public let method: Method
    /// The instant the object was created, written as every event's DTSTAMP in UTC.
    public let stamp: Date
    /// The events, in the order given.
    public let events: [CalendarEvent]

    /// A calendar; the product ID must be non-empty text.
    public init(productID: String, method: Method, stamp: Date, events: [CalendarEvent]) throws(CalendarError) {
        guard !productID.isEmpty else { throw .empty(field: "PRODID") }
        try ContentLine.checkText(productID, field: "PRODID")
        self.productID = productID
        self.method = method
        self.stamp = stamp
        self.events = events
    }

    /// The object as folded CRLF content lines in UTF-8. O(total size).
    public func render() -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR",
            "PRODID:" + ContentLine.escapeText(productID),
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:" + method.rawValue,
        ]
        lines += ParisTimeZone.lines
        for event in events { lines += event.lines(stamp: stamp) }
        lines.append("END:VCALENDAR")
        return Array(lines.map(ContentLine.fold).joined().utf8)
    }

    /// The calendar as a `text/calendar; method=…` attachment named `filename` (RFC 6047 §2.4).
    public func attachment(filename: String) throws(MessageError) -> MailAttachment {
        try MailAttachment(filename: filename, mediaType: .calendar(method: method), content: render())
    }
}

extension MediaType {
    /// `text/calendar; method=PUBLISH; charset=UTF-8` for an iCalendar attachment (RFC 5545 §8.1).
    public static func calendar(method: ICalendar.Method) -> MediaType {
        try! MediaType(
            type: "text", subtype: "calendar",
            parameters: [Parameter("method", method.rawValue), Parameter("charset", "UTF-8")])
    }
}
