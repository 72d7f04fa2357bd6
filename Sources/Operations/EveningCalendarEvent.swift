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
        /// The host commune's INSEE code, which gives its département.
        public var insee: String
        /// Where in the village (« place de l'Église »), from the season's `place` column.
        public var place: String?
        /// Free text for the calendar's DESCRIPTION, fit for anyone.
        public var details: String
        /// Lines the team's calendar adds to the DESCRIPTION (status, mairie's contact), never
        /// written for partners.
        public var teamNotes: [String]
        /// The place's WGS 84 latitude and longitude, when known.
        public var coordinate: (latitude: Double, longitude: Double)?
        /// Where the evening stands.
        public var status: EventStatus

        /// Makes an evening.
        public init(
            id: String, start: LocalDateTime, end: LocalDateTime, seasonName: String, communeName: String,
            insee: String, place: String?, details: String, teamNotes: [String] = [],
            coordinate: (latitude: Double, longitude: Double)?, status: EventStatus
        ) {
            self.id = id
            self.start = start
            self.end = end
            self.seasonName = seasonName
            self.communeName = communeName
            self.insee = insee
            self.place = place
            self.details = details
            self.teamNotes = teamNotes
            self.coordinate = coordinate
            self.status = status
        }

        /// « place de l'Église, Ambrières (51) » (`EveningLocation`).
        public var location: String { EveningLocation.text(place: place, communeName: communeName, insee: insee) }

        public static func == (lhs: Evening, rhs: Evening) -> Bool {
            lhs.id == rhs.id && lhs.start == rhs.start && lhs.end == rhs.end && lhs.seasonName == rhs.seasonName
                && lhs.communeName == rhs.communeName && lhs.insee == rhs.insee && lhs.place == rhs.place
                && lhs.details == rhs.details && lhs.teamNotes == rhs.teamNotes
                && lhs.coordinate?.latitude == rhs.coordinate?.latitude && lhs.coordinate?.longitude == rhs.coordinate?.longitude
                && lhs.status == rhs.status
        }
    }

    /// The UID of an evening's VEVENT (RFC 5545 §3.8.4.7): stable across re-plans, moves and
    /// messages, so that every calendar file about the evening updates the same entry.
    public static func uid(eventID: String) -> String { eventID + "@tournee" }

    /// The VEVENT for `evening`; `sequence` is the number of times its date, time or place
    /// changed. The team's notes join the description for `.team` only.
    public static func make(_ evening: Evening, sequence: Int, for audience: CalendarAudience = .team) throws(CalendarError)
        -> CalendarEvent
    {
        var position: CalendarEvent.Position?
        if let coordinate = evening.coordinate {
            position = try CalendarEvent.Position(latitude: coordinate.latitude, longitude: coordinate.longitude)
        }
        return try CalendarEvent(
            uid: uid(eventID: evening.id), sequence: sequence, start: evening.start, end: evening.end,
            summary: summary(evening), location: evening.location,
            description: ([evening.details] + (audience == .team ? evening.teamNotes : [])).joined(separator: "\n"),
            position: position, status: status(evening.status))
    }

    /// « Ambrières — La Guinguette mobile »: the commune first, which a phone's narrow list
    /// keeps when it cuts the title, then the season without its year, which the date gives.
    static func summary(_ evening: Evening) -> String {
        var words = evening.seasonName.split(separator: " ")
        if words.count > 1, let last = words.last, last.count == 4, last.allSatisfy(\.isNumber) { words.removeLast() }
        return evening.communeName + " — " + words.joined(separator: " ")
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
    /// The evening as a plan gives it: the commune's place joins the location; the status and
    /// the mairie's contact are the team's notes. The commune's free notes are left out: they
    /// are the planner's, not the partners' nor the calendar's.
    public init(_ event: Planning.PlannedEvent, season: Season) {
        let commune = season.communes.first { $0.insee == event.insee }
        let endDate = event.end <= event.start ? event.date.adding(days: 1) : event.date
        var notes = ["Statut : " + Self.statusText(event.status) + "."]
        if let mairie = commune?.mairie {
            notes.append("Contact à la mairie : " + [mairie.name, mairie.email].compactMap { $0 }.joined(separator: ", ") + ".")
        }
        self.init(
            id: event.id, start: LocalDateTime(event.date, event.start), end: LocalDateTime(endDate, event.end),
            seasonName: season.name, communeName: event.communeName, insee: event.insee, place: commune?.place,
            details:
                "Soirée « \(season.name) » \(FrenchPreposition.a.before(event.communeName)), tournée « \(event.tour) », de \(event.start) à \(event.end) (heure de Paris).",
            teamNotes: notes,
            coordinate: commune.map { ($0.coordinate.latitude, $0.coordinate.longitude) },
            status: event.status)
    }

    /// The evening as the database keeps it, with its commune, season name and the place the
    /// kept season gives (`EveningSetting.place`), if any.
    public init(_ event: Event, commune: CommuneRecord, seasonName: String, place: String?) {
        let slot = event.planned.slot
        self.init(
            id: event.id, start: slot.start, end: slot.end, seasonName: seasonName, communeName: commune.name,
            insee: commune.insee, place: place,
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
