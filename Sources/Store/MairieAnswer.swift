import CivilTime

/// A mairie's answer from its link, as stored.
public struct MairieAnswer: Equatable, Sendable {
    /// What the mairie said.
    public enum Choice: String, Sendable, CaseIterable {
        /// « Nous acceptons ».
        case accepted
        /// « Cette date ne convient pas », with the other dates it could take (maybe none).
        case otherDates = "other-dates"
        /// « Nous ne pourrons pas accueillir cette saison ».
        case declinedSeason = "declined-season"
    }

    /// What the answer did to the evening.
    public enum Outcome: String, Sendable, CaseIterable {
        /// The evening was confirmed.
        case confirmed
        /// The evening moved to a date the mairie picked (and was confirmed there).
        case moved
        /// The date, or the season, was declined.
        case declined
        /// A confirmed evening was called off.
        case cancelled
        /// Nothing could be applied at once: a planner decides (a comment, dates that no longer
        /// keep the rules).
        case forPlanner = "for-planner"
        /// The evening already stood as the answer asks.
        case unchanged
    }

    /// Row id.
    public var id: Int64
    /// The form's key.
    public var formKey: String
    /// The evening.
    public var eventID: String
    /// The mairie's address the link was made for.
    public var address: String
    /// What it said.
    public var choice: Choice
    /// The dates picked, for `otherDates`.
    public var dates: [CivilDate]
    /// The comment, maybe empty.
    public var comment: String
    /// What it did.
    public var outcome: Outcome
    /// Unix seconds of its arrival.
    public var at: Int64

    /// An answer; `id` is given by the store.
    public init(
        id: Int64 = 0, formKey: String, eventID: String, address: String, choice: Choice, dates: [CivilDate], comment: String,
        outcome: Outcome, at: Int64
    ) {
        self.id = id
        self.formKey = formKey
        self.eventID = eventID
        self.address = address
        self.choice = choice
        self.dates = dates
        self.comment = comment
        self.outcome = outcome
        self.at = at
    }
}
