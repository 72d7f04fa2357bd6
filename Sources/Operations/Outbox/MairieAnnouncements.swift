import CivilTime
import Store

/// What an evening's mairie has been told by e-mail: the messages the outbox sent it about the
/// evening, in the order they left. The change notices follow from it: a move is told to a
/// mairie that knew the evening before it moved, a cancellation or a withdrawal to one that knew
/// it as held, and the request for agreement goes to one that does not know of it (never told,
/// or told it was called off).
public struct MairieAnnouncements: Equatable, Sendable {
    /// One message sent to the mairie.
    public struct Told: Equatable, Sendable {
        /// The event's sequence the message was decided for.
        public var sequence: Int
        /// The evening's date it gave; nil for a message sent before the outbox kept dates.
        public var date: CivilDate?
        /// Whether it called the evening off (a cancellation or withdrawal notice).
        public var callsOff: Bool
        /// Whether it asked for the mairie's agreement (the request, `trigger: proposed`).
        public var asks: Bool = false
        /// When it left.
        public var sentAt: Int64?
    }

    /// The messages sent, oldest first.
    public private(set) var told: [Told] = []

    /// No message sent yet.
    public init() {}

    /// The last message sent, if any.
    public var last: Told? { told.last }

    /// Whether the mairie knows of the evening as one to be held: the last message it got did not
    /// call it off.
    public var knowsItHeld: Bool { last.map { !$0.callsOff } ?? false }

    /// The last request for agreement sent.
    public var lastRequest: Told? { told.last(where: \.asks) }

    /// The last message decided for a sequence below `sequence`: what the mairie knew before the
    /// evening took its current date, time or commune.
    public func lastBefore(sequence: Int) -> Told? {
        told.last { $0.sequence < sequence }
    }

    /// The announcements of every event with a message sent to its mairie, by event id, from the
    /// outbox's sent messages and the rules that wrote them. A message of a rule the policy no
    /// longer has counts as written to the mairie about the evening held: the mairie may have it,
    /// and a notice it did not need is better than an evening it still expects. O(messages).
    public static func byEvent(sent: [OutboxEntry], policy: ReminderPolicy) -> [String: MairieAnnouncements] {
        var announcements: [String: MairieAnnouncements] = [:]
        let inOrder = sent.filter { $0.status == .sent }.sorted { ($0.sentAt ?? 0, $0.id) < ($1.sentAt ?? 0, $1.id) }
        for entry in inOrder {
            let rule = policy.rule(named: entry.rule)
            // An acknowledgement answers what the mairie said; it tells nothing of the evening.
            guard rule?.recipients.contains(.mairie) ?? true, rule?.trigger != .answered else { continue }
            announcements[entry.eventID, default: MairieAnnouncements()].told.append(
                Told(
                    sequence: entry.eventVersion, date: entry.eveningDate, callsOff: rule?.trigger.callsOff ?? false,
                    asks: rule?.trigger == .proposed, sentAt: entry.sentAt))
        }
        return announcements
    }
}
