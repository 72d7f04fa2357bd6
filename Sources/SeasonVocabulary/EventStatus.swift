/// Where an evening stands with its mairie: the one vocabulary of `plan.json`'s `status`, the
/// database's `events.status`, the reminder policy's statuses and the calendars.
public enum EventStatus: String, CaseIterable, Sendable, Codable {
    /// Planned, not yet agreed by the mairie; a re-plan may still change it.
    case proposed
    /// Agreed by the mairie; a re-plan keeps it where it is.
    case confirmed
    /// Called off; final.
    case cancelled
    /// Held (and recorded); final, and kept where it is by a re-plan.
    case done
    /// Taken out by a re-plan before the mairie agreed; a later plan that holds it again
    /// proposes it again.
    case withdrawn
    /// The mairie refused this date before agreeing; final for this evening. A re-plan never
    /// proposes the commune that date again, and may give it another one.
    case declined

    /// Whether re-planning must keep the event where it is.
    public var isFixed: Bool { self == .confirmed || self == .done }

    /// Whether the evening still takes (or took) its place in the season: it books its vehicle
    /// for the evening and counts among its commune's visits.
    public var isLive: Bool { self == .proposed || self == .confirmed || self == .done }
}
