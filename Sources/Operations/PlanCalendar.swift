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

    /// One evening as a VEVENT whose UID is the plan's event identifier, so updates replace it.
    public static func calendarEvent(_ event: PlannedEvent, season: Season, sequence: Int) throws(CalendarError) -> CalendarEvent {
        let commune = season.communes.first { $0.insee == event.insee }
        let endDate = event.end <= event.start ? event.date.adding(days: 1) : event.date
        let place = [event.communeName, commune?.notes].compactMap { $0 }.joined(separator: " — ")
        var description = "Soirée « \(season.name) » à \(event.communeName), tournée « \(event.tour) », de \(event.start) à \(event.end) (heure de Paris)."
        description += "\nStatut : " + statusText(event.status) + "."
        if let mairie = commune?.mairie {
            description += "\nContact à la mairie : " + [mairie.name, mairie.email].compactMap { $0 }.joined(separator: ", ") + "."
        }
        var position: CalendarEvent.Position?
        if let commune { position = try CalendarEvent.Position(latitude: commune.coordinate.latitude, longitude: commune.coordinate.longitude) }
        return try CalendarEvent(
            uid: event.id + "@tournee", sequence: sequence,
            start: LocalDateTime(event.date, event.start), end: LocalDateTime(endDate, event.end),
            summary: "\(season.name) — \(event.communeName)", location: place, description: description,
            position: position, status: event.status.isFixed ? .confirmed : (event.status == .cancelled ? .cancelled : .tentative))
    }

    private static func statusText(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposée, en attente de l'accord de la mairie"
        case .confirmed: "confirmée par la mairie"
        case .cancelled: "annulée"
        case .done: "tenue"
        }
    }
}
