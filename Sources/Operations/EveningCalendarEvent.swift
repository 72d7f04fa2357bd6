import CivilTime
import Mail
import Planning
import SeasonVocabulary
import Store

/// The one builder of an evening's VEVENT, for `plan.ics` and for the calendar attached to the
/// mairie's messages alike.
///
/// Both must give an evening the same UID, start and end, or calendar apps show a duplicate
/// instead of updating the event: the UID rule and the mapping of the evening's status live
/// here only. Each caller provides an `Evening`, which a planned event and a stored event can
/// both produce.
public enum EveningCalendarEvent {
    /// What a calendar needs to know about one evening.
    public struct Evening: Equatable, Sendable {
        /// The evening's identifier (the plan's, kept by the database).
        public var id: String
        /// Start on Paris clocks.
        public var start: LocalDateTime
        /// End on Paris clocks (the next day for an evening past midnight).
        public var end: LocalDateTime
        /// The season's display name.
        public var seasonName: String
        /// The host commune's name.
        public var communeName: String
        /// Where, in words (the commune, and the place when the season names one).
        public var location: String
        /// Free text for the calendar's DESCRIPTION.
        public var details: String
        /// The place's WGS 84 latitude and longitude, when known.
        public var coordinate: (latitude: Double, longitude: Double)?
        /// Where the evening stands.
        public var status: EventStatus

        /// Makes an evening.
        public init(
            id: String, start: LocalDateTime, end: LocalDateTime, seasonName: String, communeName: String,
            location: String, details: String, coordinate: (latitude: Double, longitude: Double)?,
            status: EventStatus
        ) {
            self.id = id
            self.start = start
            self.end = end
            self.seasonName = seasonName
            self.communeName = communeName
            self.location = location
            self.details = details
            self.coordinate = coordinate
            self.status = status
        }

        public static func == (lhs: Evening, rhs: Evening) -> Bool {
            lhs.id == rhs.id && lhs.start == rhs.start && lhs.end == rhs.end && lhs.seasonName == rhs.seasonName
                && lhs.communeName == rhs.communeName && lhs.location == rhs.location && lhs.details == rhs.details
                && lhs.coordinate?.latitude == rhs.coordinate?.latitude && lhs.coordinate?.longitude == rhs.coordinate?.longitude
                && lhs.status == rhs.status
        }
    }

    /// The UID of an evening's VEVENT (RFC 5545 §3.8.4.7): stable across re-plans, moves and
    /// messages, so that every calendar file about the evening updates the same entry.
    public static func uid(eventID: String) -> String { eventID + "@tournee" }

    /// The VEVENT for `evening`; `sequence` is the number of times its date, time or place changed.
    public static func make(_ evening: Evening, sequence: Int) throws(CalendarError) -> CalendarEvent {
        var position: CalendarEvent.Position?
        if let coordinate = evening.coordinate {
            position = try CalendarEvent.Position(latitude: coordinate.latitude, longitude: coordinate.longitude)
        }
        return try CalendarEvent(
            uid: uid(eventID: evening.id), sequence: sequence, start: evening.start, end: evening.end,
            summary: "\(evening.seasonName) — \(evening.communeName)", location: evening.location,
            description: evening.details, position: position, status: status(evening.status))
    }

    /// The calendar's STATUS for an evening's status.
    static func status(_ status: EventStatus) -> CalendarEvent.Status {
        switch status {
        case .cancelled, .withdrawn, .declined: .cancelled
        case .confirmed, .done: .confirmed
        case .proposed: .tentative
        }
    }
}

extension EveningCalendarEvent.Evening {
    /// The evening as a plan gives it: the place's notes join the location, the mairie's contact
    /// and the status join the details.
    public init(_ event: Planning.PlannedEvent, season: Season) {
        let commune = season.communes.first { $0.insee == event.insee }
        let endDate = event.end <= event.start ? event.date.adding(days: 1) : event.date
        var details =
            "Soirée « \(season.name) » \(FrenchPreposition.a.before(event.communeName)), tournée « \(event.tour) », de \(event.start) à \(event.end) (heure de Paris)."
        details += "\nStatut : " + Self.statusText(event.status) + "."
        if let mairie = commune?.mairie {
            details += "\nContact à la mairie : " + [mairie.name, mairie.email].compactMap { $0 }.joined(separator: ", ") + "."
        }
        self.init(
            id: event.id, start: LocalDateTime(event.date, event.start), end: LocalDateTime(endDate, event.end),
            seasonName: season.name, communeName: event.communeName,
            location: [event.communeName, commune?.notes].compactMap { $0 }.joined(separator: " — "),
            details: details,
            coordinate: commune.map { ($0.coordinate.latitude, $0.coordinate.longitude) },
            status: event.status)
    }

    /// The evening as the database keeps it, with its commune and season name.
    public init(_ event: Event, commune: CommuneRecord, seasonName: String) {
        let slot = event.planned.slot
        self.init(
            id: event.id, start: slot.start, end: slot.end, seasonName: seasonName, communeName: commune.name,
            location: commune.name,
            details: "Soirée \(FrenchPreposition.a.before(commune.name)) de \(slot.localStart) à \(slot.localEnd) (heure de Paris).",
            coordinate: (commune.latitude, commune.longitude), status: event.status)
    }

    private static func statusText(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposée, en attente de l'accord de la mairie"
        case .confirmed: "confirmée par la mairie"
        case .cancelled: "annulée"
        case .done: "tenue"
        case .withdrawn: "retirée du plan"
        case .declined: "refusée par la mairie"
        }
    }
}
