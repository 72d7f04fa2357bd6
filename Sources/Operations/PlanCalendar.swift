import CivilTime
import Foundation
import Mail
import Planning

/// The plan's evenings as an RFC 5545 calendar (`plan.ics`) to share with partners, and one
/// event's calendar for the mails sent to its mairie.
public enum PlanCalendar {
    /// The product identifier written in every calendar (RFC 5545 §3.7.3).
    public static let productID = "-//Tournée//Tournée 0.1//FR"

    /// The whole plan: one VEVENT per evening, stamped at `stamp`. O(events).
    public static func calendar(for plan: Plan, stamp: Date) throws(CalendarError) -> ICalendar {
        var events: [CalendarEvent] = []
        for event in plan.events {
            events.append(try calendarEvent(event, season: plan.season, sequence: 0))
        }
        return try ICalendar(productID: productID, method: .publish, stamp: stamp, events: events)
    }

    /// One evening as a VEVENT, built by `EveningCalendarEvent` like the messages' calendars.
    public static func calendarEvent(_ event: PlannedEvent, season: Season, sequence: Int) throws(CalendarError) -> CalendarEvent {
        try EveningCalendarEvent.make(EveningCalendarEvent.Evening(event, season: season), sequence: sequence)
    }
}
