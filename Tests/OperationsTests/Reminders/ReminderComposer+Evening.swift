import Operations
import Store

extension ReminderComposer {
    /// The message a rule writes about the evening's state (not about an answer): keyed on the
    /// evening's sequence and due when the rule says, as the scheduler would decide it.
    func compose(_ rule: ReminderRule, _ facts: ReminderFacts, at now: Int64) throws(ReminderError) -> NewOutboxMessage {
        try compose(rule, facts, ReminderOccasion(version: facts.event.sequence, notBefore: rule.sendInstant(for: facts.event)), at: now)
    }
}
