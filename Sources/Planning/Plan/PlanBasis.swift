import CivilTime

/// A proposed evening a re-plan starts from: it stays where it is unless moving or withdrawing
/// it is worth its stability bonus — the season's stability penalty once its mairie has been
/// told (`isAnnounced`), a token euro before.
public struct StandingEvening: Sendable, Hashable {
    /// The event's identifier, kept when it moves.
    public let id: String
    /// The commune's INSEE code.
    public let insee: String
    /// The tour's name.
    public let tour: String
    /// The evening's date.
    public let date: CivilDate
    /// Whether a message about it has gone to the mairie.
    public let isAnnounced: Bool

    /// Makes a standing evening.
    public init(id: String, insee: String, tour: String, date: CivilDate, isAnnounced: Bool) {
        self.id = id
        self.insee = insee
        self.tour = tour
        self.date = date
        self.isAnnounced = isAnnounced
    }
}

/// A date a commune's mairie refused: never offered to that commune again.
public struct DeclinedDate: Sendable, Hashable {
    /// The declined evening.
    public let id: String
    /// The commune's INSEE code.
    public let insee: String
    /// The date refused.
    public let date: CivilDate

    /// Makes a declined date.
    public init(id: String, insee: String, date: CivilDate) {
        self.id = id
        self.insee = insee
        self.date = date
    }
}

/// What a plan starts from: nothing for a first plan; for a re-plan, the evenings that stay
/// (`kept`, confirmed or done), the proposed ones that should stay (`standing`), the dates
/// refused, the identifiers already taken, and the first date a new or moved evening may have.
public struct PlanBasis: Sendable {
    /// Confirmed and done evenings, fixed where they are.
    public var kept: [KeptEvent]
    /// Proposed evenings, kept where they are unless moving them is worth their bonus.
    public var standing: [StandingEvening]
    /// Dates communes refused.
    public var declined: [DeclinedDate]
    /// Identifiers a new evening must not take (every evening the season ever had).
    public var reservedIDs: Set<String>
    /// No evening is added or moved before this date (nil: any date of the season).
    public var firstNewDate: CivilDate?

    /// Makes a basis; every part defaults to empty.
    public init(
        kept: [KeptEvent] = [], standing: [StandingEvening] = [], declined: [DeclinedDate] = [], reservedIDs: Set<String> = [],
        firstNewDate: CivilDate? = nil
    ) {
        self.kept = kept
        self.standing = standing
        self.declined = declined
        self.reservedIDs = reservedIDs
        self.firstNewDate = firstNewDate
    }

    /// Whether a new or moved evening may be given to the commune `insee` on `date`: not before
    /// `firstNewDate`, not on a date it refused.
    public func offers(_ date: CivilDate, to insee: String) -> Bool {
        if let firstNewDate, date < firstNewDate { return false }
        return !isDeclined(date, by: insee)
    }

    /// Whether the commune `insee` refused `date`.
    public func isDeclined(_ date: CivilDate, by insee: String) -> Bool {
        declined.contains { $0.insee == insee && $0.date == date }
    }
}

extension PlanBasis {
    /// The basis a plan's evenings give a re-plan: its confirmed and done evenings kept, its
    /// proposed ones standing, announced to their mairie or not as `announced` says, its
    /// identifiers reserved.
    public init(evenings plan: Plan, announced: Bool) {
        self.init(
            kept: plan.events.filter(\.status.isFixed).map {
                KeptEvent(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, status: $0.status)
            },
            standing: plan.events.filter { $0.status == .proposed }.map {
                StandingEvening(id: $0.id, insee: $0.insee, tour: $0.tour, date: $0.date, isAnnounced: announced)
            },
            reservedIDs: Set(plan.events.map(\.id)))
    }
}
