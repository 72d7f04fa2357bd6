/// A record form already received: its key, who sent it, for which evening, what it did.
public struct FormSubmission: Equatable, Sendable {
    /// What a received form did to the evening's record.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The evening's first record.
        case recorded
        /// A correction of the record.
        case corrected
        /// A correction with the values the record already had.
        case unchanged
    }

    /// The key the form carried (random, made when the form was shown).
    public var key: String
    /// The account that sent it.
    public var userID: Int64
    /// The evening.
    public var eventID: String
    /// What it did.
    public var outcome: Outcome
    /// Unix seconds of its arrival.
    public var at: Int64

    /// A received form.
    public init(key: String, userID: Int64, eventID: String, outcome: Outcome, at: Int64) {
        self.key = key
        self.userID = userID
        self.eventID = eventID
        self.outcome = outcome
        self.at = at
    }
}
