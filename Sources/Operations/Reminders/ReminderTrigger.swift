/// What makes a reminder rule fire for an event.
public enum ReminderTrigger: Equatable, Sendable {
    /// A number of days before (negative) or after (positive) the evening's date, at the rule's
    /// send time in Europe/Paris.
    case evening(days: Int)
    /// The event waits for the mairie's agreement and the mairie does not know of it yet (never
    /// told, or told it was called off).
    case proposed
    /// The event was called off, and its mairie knew of it.
    case cancelled
    /// The event moved to another date, time or commune since its mairie was last told of it.
    case moved
    /// A re-plan took the event out of the season, and its mairie knew of it.
    case withdrawn
    /// The mairie declined the date it was asked about (`tournee event decline`).
    case declined
    /// The mairie answered by its link: one message per answer, at once.
    case answered
    /// The request for agreement left this many days ago, the evening still waits for it, and
    /// the mairie has not answered by its link since.
    case unanswered(days: Int)

    /// Whether the message calls the evening off: its calendar cancels the event, and the mairie
    /// no longer counts it as held.
    public var callsOff: Bool { self == .cancelled || self == .withdrawn || self == .declined }
}

/// The instant a rule's message stops making sense, relative to the evening.
public struct ReminderDeadline: Equatable, Sendable {
    /// Which end of the evening the offset counts from.
    public enum Anchor: String, Sendable {
        /// The evening's start.
        case start
        /// The evening's end.
        case end
    }

    /// The end of the evening the deadline counts from.
    public var anchor: Anchor
    /// Whole days added to the anchor (negative: before).
    public var days: Int

    /// Makes a deadline.
    public init(anchor: Anchor, days: Int) {
        self.anchor = anchor
        self.days = days
    }

    /// Parses `start`, `end`, `start-21d`, `end+14d`; nil for anything else.
    public init?(text: String) {
        let anchorText = text.prefix { $0.isLetter }
        guard let anchor = Anchor(rawValue: String(anchorText)) else { return nil }
        let rest = text.dropFirst(anchorText.count)
        if rest.isEmpty {
            self.init(anchor: anchor, days: 0)
            return
        }
        guard let sign = rest.first, sign == "+" || sign == "-", rest.hasSuffix("d"),
            let count = Int(rest.dropFirst().dropLast()), count >= 0, count <= 366
        else { return nil }
        self.init(anchor: anchor, days: sign == "-" ? -count : count)
    }

    /// The deadline for an evening: the anchor instant plus `days` whole days of 24 hours
    /// (a deadline need not follow the civil clock).
    public func instant(startsAt: Int64, endsAt: Int64) -> Int64 {
        (anchor == .start ? startsAt : endsAt) + Int64(days) * 86_400
    }
}

/// Whether a rule needs the evening's record (figures) to exist or not.
public enum RecordRequirement: String, Equatable, Sendable {
    /// Sent only once the evening is recorded (the thank-you with the figures).
    case recorded
    /// Sent only while the evening is not recorded (the staff's "record the evening").
    case notRecorded
}

/// Whether a rule needs the evening's drinks licence granted (`tournee event licence`) or not.
public enum LicenceRequirement: String, Equatable, Sendable {
    /// Sent only once the licence is granted.
    case granted
    /// Sent only while it is not (the reminder that it is still missing).
    case notGranted
}

/// Who receives a rule's message.
public enum RecipientGroup: String, Equatable, Sendable, CaseIterable {
    /// The commune's town-hall contacts that have an e-mail address.
    case mairie
    /// The staff addresses of the daemon's configuration.
    case staff
    /// The planners' addresses of the daemon's configuration (`planners`).
    case planner
}
