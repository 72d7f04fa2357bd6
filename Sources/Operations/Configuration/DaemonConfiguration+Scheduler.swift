extension DaemonConfiguration {
    /// The scheduler this configuration gives (its policy, identity and templates): the one the
    /// daemon ticks with and `tournee outbox preview` simulates, so the two never differ.
    public func scheduler(seasons: KeptSeasonFacts) -> ReminderScheduler {
        ReminderScheduler(
            policy: policy, composer: ReminderComposer(identity: identity, templates: templates), seasons: seasons)
    }
}
