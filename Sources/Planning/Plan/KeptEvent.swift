import CivilTime
/// An event of an earlier plan that must stay where it is when re-planning (confirmed or done).
public struct KeptEvent: Sendable, Hashable {
    /// The event's identifier in the earlier plan, kept in the new one.
    public let id: String
    /// The commune's INSEE code.
    public let insee: String
    /// The tour's name.
    public let tour: String
    /// The date of the evening.
    public let date: CivilDate
    /// `confirmed` or `done`.
    public let status: EventStatus
}

/// Where an event stands: proposed by the planner, confirmed by the mairie, cancelled, or held.
public enum EventStatus: String, CaseIterable, Sendable, Codable {
    /// Planned, not yet agreed by the mairie.
    case proposed
    /// Agreed by the mairie: stays where it is when re-planning.
    case confirmed
    /// Cancelled.
    case cancelled
    /// The evening took place.
    case done

    /// Whether re-planning must keep the event where it is.
    public var isFixed: Bool { self == .confirmed || self == .done }
}
