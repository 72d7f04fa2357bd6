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
    /// A condition on the evening's drinks licence, if any.
    public var licence: LicenceRequirement?
    /// After this, the message is stale: skipped and logged rather than sent.
    public var deadline: ReminderDeadline

    /// Makes a rule.
    public init(
        name: String, trigger: ReminderTrigger, sendTime: LocalTime?, recipients: [RecipientGroup],
        template: String, statuses: [EventStatus], requirement: RecordRequirement?,
        deadline: ReminderDeadline, licence: LicenceRequirement? = nil
    ) {
        self.licence = licence
        self.name = name
        self.trigger = trigger
        self.sendTime = sendTime
        self.recipients = recipients
        self.template = template
        self.statuses = statuses
        self.requirement = requirement
        self.deadline = deadline
    }

    /// Whether the rule applies to an event in this state (status, trigger, record, licence). A
    /// queued message whose rule no longer applies is withdrawn.
    public func applies(to event: Event, isRecorded: Bool, isLicensed: Bool) -> Bool {
        guard statuses.contains(event.status) else { return false }
        switch licence {
        case .granted?: guard isLicensed else { return false }
        case .notGranted?: guard !isLicensed else { return false }
        case nil: break
        }
        switch trigger {
        case .proposed: guard event.status == .proposed else { return false }
        case .cancelled: guard event.status == .cancelled else { return false }
        case .withdrawn: guard event.status == .withdrawn else { return false }
        case .declined: guard event.status == .declined else { return false }
        case .moved: guard event.sequence > 0 else { return false }
        case .unanswered: guard event.status == .proposed else { return false }
        case .evening, .answered: break
        }
        switch requirement {
        case .recorded?: return isRecorded
        case .notRecorded?: return !isRecorded
        case nil: return true
        }
    }

    /// Whether what the mairie has been told calls for this rule's message now: a change notice
    /// only to a mairie that knew the evening (a move: before its current date; a cancellation or
    /// a withdrawal: as held), the request for agreement only to one that does not know of it,
    /// and any other message to the mairie only once it knows the evening — the evening is
    /// confirmed, or its request for agreement left at least `reminderGap` before this message's
    /// time (a reminder of a request sent the day before would make no sense) — so that the
    /// request is always the first message an evening sends, even imported late. Checked when deciding a message, not again
    /// while it waits: the messages sent meanwhile are the outbox's own, not a change of the evening.
    public func suits(_ told: MairieAnnouncements, event: Event) -> Bool {
        switch trigger {
        case .proposed: return !told.knowsItHeld
        case .cancelled, .withdrawn, .declined: return told.knowsItHeld
        case .answered, .unanswered: return true
        case .moved: return told.lastBefore(sequence: event.sequence).map { !$0.callsOff } ?? false
        case .evening:
            guard recipients.contains(.mairie), event.status != .confirmed, event.status != .done else { return true }
            guard told.knowsItHeld, let sentAt = told.last?.sentAt else { return false }
            return sendInstant(for: event) >= sentAt + Self.reminderGap
        }
    }

    /// How long after the request for agreement a reminder of it may come: a week.
    public static let reminderGap: Int64 = 7 * 86_400

    /// The earliest send instant (Unix seconds UTC) for the event: the Paris civil send time on
    /// the evening's date plus the offset, converted with the tz database (right across DST);
    /// for a change trigger, the change instant, or the first send time at or after it.
    public func sendInstant(for event: Event) -> Int64 {
        switch trigger {
        case .evening(let days):
            let date = event.planned.slot.date
            let time = sendTime ?? LocalTime(hour: 9, minute: 0)!
            return Int64(ParisTime.instant(on: date.adding(days: days), at: time).timeIntervalSince1970)
        case .proposed, .cancelled, .moved, .withdrawn, .declined, .answered, .unanswered:
            return instant(after: event.updatedAt)
        }
    }

    /// For a change: the change instant, or the first send time at or after it.
    func instant(after change: Int64) -> Int64 {
        guard let sendTime else { return change }
        let changed = ParisTime.civil(.init(timeIntervalSince1970: Double(change)))
        let day = changed.time <= sendTime ? changed.date : changed.date.adding(days: 1)
        return Int64(ParisTime.instant(on: day, at: sendTime).timeIntervalSince1970)
    }
}
