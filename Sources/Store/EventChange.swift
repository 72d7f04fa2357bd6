import CivilTime
import SeasonVocabulary

/// What a history entry records.
public enum EventChangeKind: String, Sendable, CaseIterable {
    /// First import from a plan.
    case imported
    /// A re-plan changed a proposed event.
    case replanned
    /// The mairie agreed.
    case confirmed
    /// Called off.
    case cancelled
    /// New date or time.
    case moved
    /// Held and recorded.
    case done
    /// Taken out of the season by a re-plan before the mairie agreed.
    case withdrawn
    /// The mairie refused the date before agreeing.
    case declined
    /// A deliberate exception to a season rule, accepted with `--force` and its reason.
    case exception
}

/// One entry of an event's history: who changed what, when and why.
public struct EventChange: Equatable, Sendable {
    /// The event.
    public var eventID: String
    /// The event's version after the change.
    public var version: Int
    /// The kind of change.
    public var kind: EventChangeKind
    /// Status before (nil on import).
    public var oldStatus: EventStatus?
    /// Status after.
    public var newStatus: EventStatus
    /// Local date before (nil on import).
    public var oldDate: CivilDate?
    /// Local date after.
    public var newDate: CivilDate
    /// Local start time before (nil on import).
    public var oldLocalStart: LocalTime?
    /// Local start time after.
    public var newLocalStart: LocalTime
    /// Why (free text from the user or the program).
    public var reason: String
    /// Who (user name, "tournee schedule import", …).
    public var actor: String
    /// When, Unix seconds UTC.
    public var at: Int64
    /// For an exception, the key of the exact breach of a season rule it accepts.
    public var exception: String? = nil
}
