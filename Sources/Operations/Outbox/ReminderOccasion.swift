import CivilTime
import Foundation
import Store

/// One reason a rule has to write about an evening, and what keys and dates its message: the
/// evening's state for most rules, one of the mairie's answers for `answered`, the request still
/// unanswered for `unanswered`.
public struct ReminderOccasion: Equatable, Sendable {
    /// The outbox key's version: the evening's sequence, or, for an answer, the answer's row id
    /// (each answer is acknowledged once, whatever it did to the evening).
    public var version: Int
    /// The earliest instant of sending.
    public var notBefore: Int64
    /// The answer the message is about, for `answered`.
    public var answer: MairieAnswer?
    /// When the request for agreement left, for `unanswered`.
    public var requestedAt: Int64?

    /// An occasion; `answer` and `requestedAt` for the rules about them.
    public init(version: Int, notBefore: Int64, answer: MairieAnswer? = nil, requestedAt: Int64? = nil) {
        self.version = version
        self.notBefore = notBefore
        self.answer = answer
        self.requestedAt = requestedAt
    }
}

extension ReminderRule {
    /// An answer older than this is not acknowledged any more: the daemon was stopped when it
    /// came, and a reply a week late would puzzle more than help.
    public static let answerWindow: Int64 = 7 * 86_400

    /// The occasions of this rule for `event` in its current state, due or not: none when the
    /// rule does not apply or does not suit what the mairie was told. `answers` are the
    /// evening's, oldest first. O(answers).
    public func occasions(
        for event: Event, isRecorded: Bool, isLicensed: Bool, told: MairieAnnouncements, answers: [MairieAnswer], at now: Int64
    ) -> [ReminderOccasion] {
        guard applies(to: event, isRecorded: isRecorded, isLicensed: isLicensed) else { return [] }
        switch trigger {
        case .answered:
            return answers.filter { $0.at >= now - Self.answerWindow && acknowledges($0) }.map { answer in
                ReminderOccasion(version: Int(answer.id), notBefore: instant(after: answer.at), answer: answer)
            }
        case .unanswered(let days):
            guard told.knowsItHeld, let request = told.lastRequest?.sentAt, !answers.contains(where: { $0.at >= request }) else {
                return []
            }
            let day = ParisTime.civil(Date(timeIntervalSince1970: Double(request))).date.adding(days: days)
            let time = sendTime ?? LocalTime(hour: 9, minute: 0)!
            return [
                ReminderOccasion(
                    version: event.sequence, notBefore: Int64(ParisTime.instant(on: day, at: time).timeIntervalSince1970),
                    requestedAt: request)
            ]
        case .evening, .proposed, .cancelled, .moved, .withdrawn, .declined:
            guard suits(told, event: event) else { return [] }
            return [ReminderOccasion(version: event.sequence, notBefore: sendInstant(for: event))]
        }
    }

    /// Which answers an `answered` rule writes about. To the mairie: the answers that left the
    /// evening where it was (accepted, or a choice a planner must weigh) — one that moved or
    /// called it off is told by the change notice that follows, so the mairie gets one message
    /// per answer. To the team or the planners: the answers someone must read (a comment, a
    /// decline, dates that could not be applied).
    private func acknowledges(_ answer: MairieAnswer) -> Bool {
        if recipients.contains(.mairie) { return [.confirmed, .unchanged, .forPlanner].contains(answer.outcome) }
        return !answer.comment.isEmpty || [.declined, .cancelled, .forPlanner].contains(answer.outcome)
    }
}
