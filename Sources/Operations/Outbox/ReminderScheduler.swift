import CivilTime
import Store

/// The tick: asks the database which reminders are due at `now` and queues them in the same
/// transaction as the decision, under the outbox's (event, rule, sequence) key.
///
/// The key uses the event's `sequence`, which rises only when the date, time or commune change:
/// confirming an event does not re-send its J-7, moving it does (with the new date). Queued
/// messages whose event changed since (another sequence, a status the rule excludes, a record
/// that arrived) are withdrawn first, so a stale text never leaves. What each mairie has been
/// told (`MairieAnnouncements`, from the messages sent) decides the change notices: one notice
/// per move, cancellation or withdrawal of an evening its mairie knew, none for one it never
/// heard of.
public struct ReminderScheduler: Sendable {
    /// The rules.
    public let policy: ReminderPolicy
    /// The renderer.
    public let composer: ReminderComposer
    /// The kept seasons' facts (place, set-up, needs); nil gives every evening an empty setting.
    public let seasons: KeptSeasonFacts?
    /// The mairies' personal links, when the pages are served; nil leaves the link lines out.
    public let links: ReplyLinks?
    /// Whether the messages decided wait for a planner's approval (`awaiting-approval`) rather
    /// than leave at their time.
    public let approvalRequired: Bool

    /// Makes a scheduler.
    public init(
        policy: ReminderPolicy, composer: ReminderComposer, seasons: KeptSeasonFacts? = nil, links: ReplyLinks? = nil,
        approvalRequired: Bool = false
    ) {
        self.policy = policy
        self.composer = composer
        self.seasons = seasons
        self.links = links
        self.approvalRequired = approvalRequired
    }

    /// Runs one tick in one write transaction. O(events × rules + outbox + records), plus
    /// rendering for each new decision only (existing keys are read once, not re-rendered).
    public func tick(_ database: Database, at now: Int64) throws -> TickReport {
        try database.transaction {
            var report = TickReport()
            // A row another tool wrote past the schema is refused alone: the others still get their messages.
            let listing = try EventStore(database).readableEvents()
            report.failures += listing.unreadable.map(ReminderError.unreadableEvent)
            let outbox = OutboxStore(database)
            // All records at once: `RecordStore.record(eventID:)` costs a scan of the events, so
            // one call per event would make the tick quadratic.
            let records = Dictionary(
                try RecordStore(database).records().map { ($0.entry.eventID, $0) },
                uniquingKeysWith: { first, _ in first })
            let answers = Dictionary(grouping: try MairieAnswerStore(database).all(), by: \.eventID)
            let licensed = try LicenceGrantStore(database).grantedEventIDs()
            report.superseded = try withdrawStale(outbox, listing: listing, records: records, licensed: licensed, answers: answers)
            let told = MairieAnnouncements.byEvent(sent: try outbox.list(statuses: [.sent]), policy: policy)
            try queueDue(
                listing.events, records: records, licensed: licensed, told: told, answers: answers, database, outbox, at: now,
                into: &report)
            report.skipped = try outbox.skipExpired(at: now)
            return report
        }
    }

    /// The instants after `instant` at which a rule's message about an evening of `database`
    /// falls due in the evenings' current state, for `OutboxPreview`. O(events × rules).
    public func dueInstants(_ database: Database, after instant: Int64) throws -> [Int64] {
        let outbox = OutboxStore(database)
        let records = Set(try RecordStore(database).records().map(\.entry.eventID))
        let licensed = try LicenceGrantStore(database).grantedEventIDs()
        let answers = Dictionary(grouping: try MairieAnswerStore(database).all(), by: \.eventID)
        let told = MairieAnnouncements.byEvent(sent: try outbox.list(statuses: [.sent]), policy: policy)
        return try EventStore(database).readableEvents().events.flatMap { event in
            policy.rules.flatMap { rule in
                rule.occasions(
                    for: event, isRecorded: records.contains(event.id), isLicensed: licensed.contains(event.id),
                    told: told[event.id] ?? MairieAnnouncements(),
                    answers: answers[event.id] ?? [], at: instant
                ).map(\.notBefore)
            }
        }.filter { $0 > instant }
    }

    /// Withdraws the queued messages an event's change made stale (moved, in a state its rule
    /// excludes, answered meanwhile, or of a rule the policy no longer has); returns them as
    /// cancelled. A message about an answer stays: the answer was given. A message of an
    /// unreadable event is left as it is, for the operator to repair the row first.
    private func withdrawStale(
        _ outbox: OutboxStore, listing: EventListing, records: [String: EveningRecord], licensed: Set<String>,
        answers: [String: [MairieAnswer]]
    ) throws -> [OutboxEntry] {
        let eventsByID = Dictionary(listing.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var withdrawn: [OutboxEntry] = []
        for entry in try outbox.list(statuses: [.queued, .awaitingApproval]) {
            let reason: String?
            if listing.unreadable.contains(where: { $0.rowID == entry.eventID }) {
                continue
            } else if let event = eventsByID[entry.eventID], let rule = policy.rule(named: entry.rule) {
                if rule.trigger == .answered {
                    reason = nil
                } else if entry.eventVersion != event.sequence {
                    reason = "superseded: event moved"
                } else if !rule.applies(to: event, isRecorded: records[event.id] != nil, isLicensed: licensed.contains(event.id)) {
                    reason = "superseded: rule no longer applies (status \(event.status.rawValue))"
                } else if case .unanswered = rule.trigger, answers[event.id]?.contains(where: { $0.at >= entry.createdAt }) ?? false {
                    reason = "superseded: the mairie answered"
                } else {
                    reason = nil
                }
            } else {
                reason = "superseded: rule removed from the policy"
            }
            if let reason {
                try outbox.cancel(id: entry.id, reason: reason)
                var cancelled = entry
                cancelled.status = .cancelled
                cancelled.lastError = reason
                withdrawn.append(cancelled)
            }
        }
        return withdrawn
    }

    /// Queues, for each event and rule that is due at `now`, applies and suits what the mairie
    /// was told, the composed message, unless its key is already in the outbox; a message that
    /// cannot be composed is a failure of the report, not of the tick.
    private func queueDue(
        _ events: [Event], records: [String: EveningRecord], licensed: Set<String>, told: [String: MairieAnnouncements],
        answers: [String: [MairieAnswer]], _ database: Database, _ outbox: OutboxStore, at now: Int64, into report: inout TickReport
    ) throws {
        let existing = try outbox.keys()
        var seasonNames: [String: String] = [:]
        for event in events {
            var facts: ReminderFacts?
            let announcements = told[event.id] ?? MairieAnnouncements()
            for rule in policy.rules {
                let occasions = rule.occasions(
                    for: event, isRecorded: records[event.id] != nil, isLicensed: licensed.contains(event.id), told: announcements,
                    answers: answers[event.id] ?? [], at: now)
                for occasion in occasions where occasion.notBefore <= now {
                    let key = OutboxKey(eventID: event.id, rule: rule.name, eventVersion: occasion.version)
                    guard !existing.contains(key) else { continue }
                    do {
                        if facts == nil {
                            facts = try self.facts(
                                for: event, record: records[event.id], told: announcements, answers: answers[event.id] ?? [], database,
                                seasonNames: &seasonNames)
                        }
                        guard var told = facts else { continue }
                        told.answer = occasion.answer
                        told.requestedAt = occasion.requestedAt
                        let message = try composer.compose(rule, told, occasion, at: now)
                        if try outbox.enqueueIfAbsent(message, at: now, awaitingApproval: approvalRequired) {
                            report.queued.append(key)
                        }
                    } catch let error as ReminderError {
                        report.failures.append(error)
                    }
                }
            }
        }
    }

    private func facts(
        for event: Event, record: EveningRecord?, told: MairieAnnouncements, answers: [MairieAnswer], _ database: Database,
        seasonNames: inout [String: String]
    ) throws -> ReminderFacts {
        let communes = CommuneStore(database)
        guard let commune = try communes.commune(insee: event.planned.insee) else {
            throw ReminderError.missing(eventID: event.id, what: "commune \(event.planned.insee)")
        }
        let seasonID = event.planned.seasonID
        if seasonNames[seasonID] == nil {
            seasonNames[seasonID] = try SeasonStore(database).season(id: seasonID)?.name
        }
        guard let seasonName = seasonNames[seasonID] else {
            throw ReminderError.missing(eventID: event.id, what: "saison \(seasonID)")
        }
        let contacts = try communes.contacts(insee: event.planned.insee)
        // The link names the first address the message goes to: the mairie that answers.
        let address = contacts.lazy.compactMap(\.email).first
        var facts = ReminderFacts(
            event: event, commune: commune, contacts: contacts,
            record: record, seasonName: seasonName, previousDate: try Self.previousDate(of: event, told: told, database),
            setting: try seasons?.setting(of: event, in: database) ?? EveningSetting(),
            replyLink: address.flatMap { links?.url(for: event, address: $0) })
        // An answer applied at once writes the evening in the same transaction: same instant.
        facts.changedBy = answers.last { [.moved, .cancelled, .declined].contains($0.outcome) && $0.at >= event.updatedAt }
        return facts
    }

    /// The date the mairie was told before the evening took its current slot: the one the last
    /// message of an earlier sequence gave, or, for a message sent before the outbox kept dates,
    /// the date the evening had before its last change of date. Nil when it never moved.
    private static func previousDate(of event: Event, told: MairieAnnouncements, _ database: Database) throws -> CivilDate? {
        guard event.sequence > 0 else { return nil }
        if let date = told.lastBefore(sequence: event.sequence)?.date { return date }
        return try EventStore(database).history(eventID: event.id).last { change in
            change.oldDate.map { $0 != change.newDate } ?? false
        }?.oldDate
    }
}
