import Foundation
import Store

/// What `tourneed` would send over a span of time, found by running the daemon's own tick on a
/// copy of the database at each instant a message falls due, and taking every due message as
/// delivered then (so what each mairie "was told" advances as it would; a message that waits for
/// a planner's approval as approved at once). The real database and outbox are only read:
/// nothing is sent or recorded.
public struct OutboxPreview: Sendable {
    /// A message the daemon would send: when, and the stored text the transport would get.
    public struct Item: Sendable {
        /// The instant it would leave (the tick that found it due).
        public let instant: Int64
        /// Its outbox row (rule, event, recipients, subject) in the copy.
        public let entry: OutboxEntry
        /// The RFC 5322 text, as the dispatcher would hand it to the transport.
        public let message: [UInt8]
        /// Whether it leaves only once a planner approves it (`approval: required`).
        public let awaitsApproval: Bool
    }

    /// The daemon's scheduler, built from the same configuration.
    public let scheduler: ReminderScheduler

    /// Makes a preview with the daemon's scheduler.
    public init(scheduler: ReminderScheduler) { self.scheduler = scheduler }

    /// The messages that would leave in [`from`, `until`), in the order they would leave, the
    /// daemon running from `now` on (what falls due before `from` is taken as sent, unshown).
    /// `database` is copied to a temporary file, removed before returning. O(instants × tick).
    public func run(_ database: Database, now: Int64, from: Int64, until: Int64) throws -> [Item] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("preview.db").path
        try database.backup(to: path)
        let copy = try Database(path: path)
        defer { try? copy.close() }
        var items: [Item] = []
        var instant = now
        while instant < until {
            _ = try scheduler.tick(copy, at: instant)
            let outbox = OutboxStore(copy)
            // A message that waits for approval is shown as it would leave once approved.
            let awaiting = Set(try outbox.approveAll(actor: "aperçu", at: instant))
            while let message = try outbox.claimNext(at: instant) {
                try outbox.markSent(id: message.entry.id, at: instant)
                if instant >= from {
                    items.append(
                        Item(
                            instant: instant, entry: message.entry, message: message.message,
                            awaitsApproval: awaiting.contains(message.entry.id)))
                }
            }
            guard let next = try nextInstant(copy, after: instant), next < until else { break }
            instant = next
        }
        return items
    }

    /// The next instant after `instant` when a rule comes due or a queued message may be retried.
    private func nextInstant(_ database: Database, after instant: Int64) throws -> Int64? {
        let due = try scheduler.dueInstants(database, after: instant)
        let retries = try OutboxStore(database).list(statuses: [.queued]).map(\.nextAttemptAt)
        return (due + retries).filter { $0 > instant }.min()
    }
}
