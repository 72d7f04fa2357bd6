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

    /// Whether re-planning must keep the event where it is.
    public var isFixed: Bool { self == .confirmed || self == .done }
}
