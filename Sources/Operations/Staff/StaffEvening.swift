import Store

/// An evening as the staff's page lists it: the evening, its commune's name (staff know
/// communes, not ids), and its record when there is one.
public struct StaffEvening: Equatable, Sendable {
    /// The evening.
    public var event: Event
    /// The commune's name.
    public var communeName: String
    /// The record, nil until the evening is recorded.
    public var record: EveningRecord?
    /// Whether the evening has started (a record is accepted only then).
    public var hasStarted: Bool
}
