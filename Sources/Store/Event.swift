import SeasonVocabulary

/// An evening as stored: the plan's data plus its status and change counters.
public struct Event: Equatable, Sendable {
    /// The plan's data as last imported or moved.
    public var planned: PlannedEventRecord
    /// Current status.
    public var status: EventStatus
    /// Raised by every change (status, date, re-plan).
    public var version: Int
    /// Raised only when the slot or commune changes, or when a withdrawn evening is proposed
    /// again: the iCalendar SEQUENCE (RFC 5545 §3.8.7.4), and the event version the daemon keys
    /// date-bound reminders on.
    public var sequence: Int
    /// Instant of the last change, Unix seconds UTC.
    public var updatedAt: Int64

    /// The event id.
    public var id: String { planned.id }
}
