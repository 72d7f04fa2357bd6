import Foundation
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// The order of an evening's messages: the request for agreement first, nothing else to the
/// mairie before it agreed, the team alerted when the agreement is late; the same after a late
/// import.
struct MessageOrderTests {
    /// What left for each event, oldest first, as `rule→group` (group: mairie or equipe).
    private func sent(_ database: Database) throws -> [String: [String]] {
        var byEvent: [String: [String]] = [:]
        for entry in try OutboxStore(database).list(statuses: [.sent]).sorted(by: { ($0.sentAt ?? 0, $0.id) < ($1.sentAt ?? 0, $1.id) }) {
            let group = entry.recipients.first.map { String($0.prefix { $0 != "@" }) } ?? "?"
            byEvent[entry.eventID, default: []].append("\(entry.rule)→\(group)")
        }
        return byEvent
    }

    private func sendDue(_ database: Database, at now: Int64) throws {
        let outbox = OutboxStore(database)
        while let message = try outbox.claimNext(at: now) { try outbox.markSent(id: message.id, at: now) }
    }

    /// The season imported on 5 May, ten days before the first evening (15, 20 and 21 May), the
    /// daemon ticking every morning; the first evening is agreed on 7 May.
    @Test func aSeasonImportedTenDaysBeforeStartsWithTheRequestsAndAlertsTheTeam() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let may5 = Fixtures.instant("2027-05-05T07:00:00Z")
        let database = try PlanFixture.database(at: scratch.file("t.db"), importedAt: may5)
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        for day in 0..<12 {
            let morning = may5 + Int64(day) * 86_400 + 3_600
            if day == 2 {
                try EventStore(database).confirm(id: ReminderSchedulerTests.e1, reason: "accord", actor: "test", at: morning - 60)
            }
            let report = try scheduler.tick(database, at: morning)
            #expect(report.failures.isEmpty)
            try sendDue(database, at: morning)
        }
        let told = try sent(database)
        // The request first; the planners alerted at once (ten days before, not agreed); once agreed,
        // the team reminded the licence is not noted, the practical details and the eve's reminder; the licence was too late to file
        // (skipped, logged).
        #expect(
            told[ReminderSchedulerTests.e1] == [
                "demande-accord→mairie", "sans-accord→planification", "licence-manquante→equipe", "j-7→mairie", "j-1→mairie",
                "j+1-saisie→equipe",
            ])
        // Never agreed: the request and nothing else to the mairie — no reminder of a request
        // sent the day before —; the planners alerted at once, and again ten days after the
        // request (15 May, the evenings being more than a day away).
        for id in [ReminderSchedulerTests.e2, ReminderSchedulerTests.e3] {
            #expect(told[id] == ["demande-accord→mairie", "sans-accord→planification", "sans-reponse→planification"], "\(id)")
        }
        let skipped = try OutboxStore(database).list(statuses: [.skipped]).map { "\($0.eventID) \($0.rule)" }
        #expect(skipped == ["\(ReminderSchedulerTests.e1) j-15"])
    }
}
