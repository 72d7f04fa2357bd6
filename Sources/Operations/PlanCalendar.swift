import CivilTime
import Foundation
import Mail
import Planning

/// The plan's evenings as RFC 5545 calendars: `plan.ics` for the team, `plan-public.ics` for
/// partners, and one event's calendar for the mails sent to its mairie.
public enum PlanCalendar {
    /// The product identifier written in every calendar (RFC 5545 §3.7.3).
    public static let productID = "-//Tournée//Tournée 0.1//FR"

    /// The file each audience's calendar is written to by `tournee plan`.
    public static func fileName(for audience: CalendarAudience) -> String {
        switch audience {
        case .team: "plan.ics"
        case .partners: "plan-public.ics"
        }
    }

    /// The whole plan: one VEVENT per evening, stamped at `stamp`, described for `audience`;
    /// each evening's SEQUENCE is `sequences[id]`, 0 when absent. O(events).
    public static func calendar(
        for plan: Plan, stamp: Date, for audience: CalendarAudience = .team, sequences: [String: Int] = [:]
    ) throws(CalendarError) -> ICalendar {
        var events: [CalendarEvent] = []
        for event in plan.events {
            events.append(try calendarEvent(event, season: plan.season, sequence: sequences[event.id] ?? 0, for: audience))
        }
        return try ICalendar(productID: productID, method: .publish, stamp: stamp, events: events)
    }

    /// One evening as a VEVENT, built by `EveningCalendarEvent` like the messages' calendars.
    public static func calendarEvent(
        _ event: PlannedEvent, season: Season, sequence: Int, for audience: CalendarAudience = .team
    ) throws(CalendarError) -> CalendarEvent {
        try EveningCalendarEvent.make(EveningCalendarEvent.Evening(event, season: season), sequence: sequence, for: audience)
    }

    /// Each evening's SEQUENCE after `previous`, the calendar written before: kept while its
    /// date and times stay, raised by one when they change, 0 for an evening it did not hold.
    /// For a plan made without the database, which does not count the changes. O(events).
    public static func sequences(for plan: Plan, after previous: CalendarRevisions) -> [String: Int] {
        var sequences: [String: Int] = [:]
        for event in plan.events {
            let evening = EveningCalendarEvent.Evening(event, season: plan.season)
            sequences[event.id] = previous.sequence(
                uid: EveningCalendarEvent.uid(eventID: event.id), start: evening.start, end: evening.end)
        }
        return sequences
    }
}
