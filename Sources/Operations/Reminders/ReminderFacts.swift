import CivilTime
import Store

/// What the database says about one event, everything a reminder message may need.
public struct ReminderFacts: Sendable {
    /// The event.
    public var event: Event
    /// The host commune.
    public var commune: CommuneRecord
    /// The mairie's contacts, in the store's order.
    public var contacts: [MairieContactRecord]
    /// The evening's record, once recorded.
    public var record: EveningRecord?
    /// The season's name.
    public var seasonName: String
    /// The date the mairie knew before the evening moved, when it moved since.
    public var previousDate: CivilDate?
    /// What the season says of the evening's place, set-up and needs.
    public var setting: EveningSetting
    /// The link by which the mairie answers the request (agree, decline, propose another date),
    /// once the mairie-answers service gives one; nil leaves the line that offers it out.
    public var replyLink: String?
    /// The mairie's answer the message is about (`trigger: answered`).
    public var answer: MairieAnswer?
    /// When the request for agreement left (`trigger: unanswered`).
    public var requestedAt: Int64?
    /// The mairie's answer that made the evening's last change (moved it to a date it chose,
    /// called it off), nil when the organiser made it.
    public var changedBy: MairieAnswer?

    /// Gathers the facts.
    public init(
        event: Event, commune: CommuneRecord, contacts: [MairieContactRecord], record: EveningRecord?, seasonName: String,
        previousDate: CivilDate? = nil, setting: EveningSetting = EveningSetting(), replyLink: String? = nil
    ) {
        self.event = event
        self.commune = commune
        self.contacts = contacts
        self.record = record
        self.seasonName = seasonName
        self.previousDate = previousDate
        self.setting = setting
        self.replyLink = replyLink
    }
}
