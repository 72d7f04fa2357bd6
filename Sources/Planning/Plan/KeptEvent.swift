import CivilTime
import SeasonVocabulary

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

    /// Makes a kept event.
    public init(id: String, insee: String, tour: String, date: CivilDate, status: EventStatus) {
        self.id = id
        self.insee = insee
        self.tour = tour
        self.date = date
        self.status = status
    }
}
