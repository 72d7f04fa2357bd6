extension DaemonConfiguration {
    /// The scheduler this configuration gives (its policy, identity and templates, and the
    /// mairies' links when given): the one the daemon ticks with and `tournee outbox preview`
    /// simulates, so the two never differ.
    public func scheduler(seasons: KeptSeasonFacts, links: ReplyLinks? = nil) -> ReminderScheduler {
        ReminderScheduler(
            policy: policy, composer: ReminderComposer(identity: identity, templates: templates), seasons: seasons, links: links,
            approvalRequired: approvalRequired)
    }

    /// The mairies' links for the database at `databasePath` when the pages have a public
    /// address (`http.baseURL`), signed with the key ring of `http.keyFile` or beside the
    /// database; `create` makes the ring when absent (the daemon does, a preview only reads).
    public func replyLinks(databasePath: String, create: Bool) throws(LinkKeyRingError) -> ReplyLinks? {
        guard let http, let baseURL = http.baseURL else { return nil }
        let path = http.keyFile(databasePath: databasePath)
        return ReplyLinks(
            ring: create ? try LinkKeyRingFile.loadOrCreate(path: path) : try LinkKeyRingFile.load(path: path), baseURL: baseURL)
    }
}
