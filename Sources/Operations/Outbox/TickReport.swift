import Store

/// What one tick decided: messages queued, messages withdrawn because their event changed,
/// stale messages skipped, and events whose messages could not be composed.
public struct TickReport: Sendable {
    /// Keys of the messages queued by this tick, in decision order.
    public var queued: [OutboxKey] = []
    /// Queued messages withdrawn: their event moved, was cancelled, or their rule no longer applies.
    public var superseded: [OutboxEntry] = []
    /// Messages no longer meaningful (past their deadline), marked skipped.
    public var skipped: [OutboxEntry] = []
    /// Compositions refused (bad contact, no address…): nothing was queued for them.
    public var failures: [ReminderError] = []

    /// An empty report.
    public init() {}
}
