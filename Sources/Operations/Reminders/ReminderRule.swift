import CivilTime
import Foundation
import Planning
import SeasonVocabulary
import Store

/// One line of the reminder policy: when, to whom, with which template, and until when.
public struct ReminderRule: Equatable, Sendable {
    /// Stable name, part of the outbox key (e.g. `j-7`); never reuse a name for another purpose.
    public var name: String
    /// What makes it fire.
    public var trigger: ReminderTrigger
    /// Paris civil time of sending; for change triggers, nil sends at once.
    public var sendTime: LocalTime?
    /// Recipient groups, in order.
    public var recipients: [RecipientGroup]
    /// Template file name without `.txt`, in the templates folder.
    public var template: String
    /// Event statuses the rule applies to.
    public var statuses: [EventStatus]
    /// A condition on the evening's record, if any.
    public var requirement: RecordRequirement?
    /// After this, the message is stale: skipped and logged rather than sent.
    public var deadline: ReminderDeadline

    /// Makes a rule.
    public init(
        name: String, trigger: ReminderTrigger, sendTime: LocalTime?, recipients: [RecipientGroup],
        template: String, statuses: [EventStatus], requirement: RecordRequirement?,
        deadline: ReminderDeadline
    ) {
        self.name = name
        self.trigger = trigger
        self.sendTime = sendTime
        self.recipients = recipients
        self.template = template
        self.statuses = statuses
        self.requirement = requirement
        self.deadline = deadline
    }

    /// Whether the rule applies to an event in this state (status, trigger, record).
    public func applies(to event: Event, isRecorded: Bool) -> Bool {
        guard statuses.contains(event.status) else { return false }
        switch trigger {
        case .proposed: guard event.status == .proposed, event.sequence == 0 else { return false }
        case .cancelled: guard event.status == .cancelled else { return false }
        case .moved: guard event.sequence > 0 else { return false }
        case .evening: break
        }
        switch requirement {
        case .recorded?: return isRecorded
        case .notRecorded?: return !isRecorded
        case nil: return true
        }
    }

    /// The earliest send instant (Unix seconds UTC) for the event: the Paris civil send time on
    /// the evening's date plus the offset, converted with the tz database (right across DST);
    /// for a change trigger, the change instant, or the first send time at or after it.
    public func sendInstant(for event: Event) -> Int64 {
        switch trigger {
        case .evening(let days):
            let date = event.planned.slot.date
            let time = sendTime ?? LocalTime(hour: 9, minute: 0)!
            return Int64(ParisTime.instant(on: date.adding(days: days), at: time).timeIntervalSince1970)
        case .proposed, .cancelled, .moved:
            guard let sendTime else { return event.updatedAt }
            let changed = ParisTime.civil(.init(timeIntervalSince1970: Double(event.updatedAt)))
            let day = changed.time <= sendTime ? changed.date : changed.date.adding(days: 1)
            return Int64(ParisTime.instant(on: day, at: sendTime).timeIntervalSince1970)
        }
    }
}
