import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct OutboxStoreTests {
    private func prepared() throws -> (TemporaryDirectory, Database) {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        let database = try makeDatabase(in: directory)
        try EventStore(database).importPlan(
            [plannedEvent("e1", day: 1), plannedEvent("e2", day: 2)],
            seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        return (directory, database)
    }

    private func message(
        _ event: String, _ rule: String, version: Int = 1, notBefore: Int64 = fixtureNow,
        expiresAt: Int64? = nil
    ) -> NewOutboxMessage {
        NewOutboxMessage(
            eventID: event, rule: rule, eventVersion: version,
            recipients: ["mairie@example.fr", "equipe@example.org"],
            subject: "Rappel \(rule)", message: Array("Subject: \(rule)\r\n\r\nBonjour\r\n".utf8),
            notBefore: notBefore, expiresAt: expiresAt)
    }

    @Test func theSameReminderIsNeverQueuedTwice() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        #expect(try outbox.enqueueIfAbsent(message("e1", "j-7"), at: fixtureNow))
        #expect(try outbox.enqueueIfAbsent(message("e1", "j-7"), at: fixtureNow + 60) == false)
        #expect(try outbox.enqueueIfAbsent(message("e1", "j-7", version: 2), at: fixtureNow))
        #expect(try outbox.enqueueIfAbsent(message("e2", "j-7"), at: fixtureNow))
        // Even after it was sent, the same key is refused.
        let claimed = try #require(try outbox.claimNext(at: fixtureNow))
        try outbox.markSent(id: claimed.id, at: fixtureNow)
        #expect(try outbox.enqueueIfAbsent(message("e1", "j-7"), at: fixtureNow + 120) == false)
        #expect(try outbox.list().count == 3)
        #expect(throws: DatabaseError.self) { try outbox.enqueueIfAbsent(message("ghost", "j-7"), at: fixtureNow) }
    }

    /// An evening is announced once a message about it has gone out (or is going out), whatever
    /// its rule or version; queued, parked or cancelled messages announce nothing.
    @Test func announcedEveningsAreThoseAMessageWentOutAbout() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        #expect(try outbox.announcedEventIDs(seasonID: "s2026").isEmpty)
        try outbox.enqueueIfAbsent(message("e1", "demande-accord"), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e2", "demande-accord"), at: fixtureNow + 1)
        #expect(try outbox.announcedEventIDs(seasonID: "s2026").isEmpty)
        let first = try #require(try outbox.claimNext(at: fixtureNow + 2))
        #expect(try outbox.announcedEventIDs(seasonID: "s2026") == [first.entry.eventID])
        try outbox.markSent(id: first.id, at: fixtureNow + 2)
        let second = try #require(try outbox.claimNext(at: fixtureNow + 3))
        try outbox.park(id: second.id, error: "550")
        #expect(try outbox.announcedEventIDs(seasonID: "s2026") == ["e1"])
        #expect(try outbox.announcedEventIDs(seasonID: "autre").isEmpty)
    }

    @Test func keysListEveryDecisionWhateverItsStatus() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        #expect(try outbox.keys().isEmpty)
        try outbox.enqueueIfAbsent(message("e1", "j-7"), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e2", "j-1", version: 3), at: fixtureNow)
        let claimed = try #require(try outbox.claimNext(at: fixtureNow))
        try outbox.park(id: claimed.id, error: "550")
        #expect(
            try outbox.keys() == [
                OutboxKey(eventID: "e1", rule: "j-7", eventVersion: 1),
                OutboxKey(eventID: "e2", rule: "j-1", eventVersion: 3),
            ])
    }

    @Test func claimTakesTheOldestDueMessageAndMovesItThroughItsStates() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        try outbox.enqueueIfAbsent(message("e1", "late", notBefore: fixtureNow + 3_600), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e1", "first"), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e2", "second"), at: fixtureNow)

        let first = try #require(try outbox.claimNext(at: fixtureNow))
        #expect(first.entry.rule == "first")
        #expect(first.entry.status == .sending)
        #expect(first.entry.attempts == 1)
        #expect(first.entry.recipients == ["mairie@example.fr", "equipe@example.org"])
        #expect(first.message == Array("Subject: first\r\n\r\nBonjour\r\n".utf8))
        try outbox.markFailed(id: first.id, error: "421 try later", retryAt: fixtureNow + 600)

        let second = try #require(try outbox.claimNext(at: fixtureNow))
        #expect(second.entry.rule == "second")
        try outbox.markSent(id: second.id, at: fixtureNow + 1)
        #expect(try outbox.claimNext(at: fixtureNow) == nil)

        let retried = try #require(try outbox.claimNext(at: fixtureNow + 600))
        #expect(retried.id == first.id)
        #expect(retried.entry.attempts == 2)
        #expect(retried.entry.lastError == "421 try later")
        try outbox.park(id: retried.id, error: "550 no such user")
        #expect(throws: StoreError.invalidOutboxTransition(id: first.id, from: .parked, action: "mark sent")) {
            try outbox.markSent(id: first.id, at: fixtureNow)
        }
        try outbox.retry(id: first.id, at: fixtureNow + 700)
        let again = try #require(try outbox.message(id: first.id))
        #expect(again.entry.status == .queued)
        #expect(again.entry.attempts == 0)
        try outbox.cancel(id: first.id, reason: "opérateur")
        #expect(throws: StoreError.invalidOutboxTransition(id: second.id, from: .sent, action: "retry")) {
            try outbox.retry(id: second.id, at: fixtureNow)
        }
        #expect(throws: StoreError.outboxMessageNotFound(id: 999)) { try outbox.cancel(id: 999, reason: "x") }

        let late = try #require(try outbox.claimNext(at: fixtureNow + 3_600))
        #expect(late.entry.rule == "late")
        #expect(try outbox.list(statuses: [.sent]).map(\.rule) == ["second"])
        #expect(try outbox.list(statuses: [.cancelled, .sending]).map(\.rule) == ["late", "first"])
        let counts = try outbox.countsByStatus()
        #expect(counts.map(\.count) == [0, 0, 1, 1, 0, 1, 0])
    }

    /// A message kept for approval never leaves, expires like a queued one, and once approved
    /// waits for its own time; approving twice, or another status, is refused.
    @Test func aMessageAwaitingApprovalLeavesOnlyOnceApproved() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        #expect(try outbox.enqueueIfAbsent(message("e1", "j-7"), at: fixtureNow, awaitingApproval: true))
        #expect(try outbox.enqueueIfAbsent(message("e2", "j-7", notBefore: fixtureNow + 600), at: fixtureNow, awaitingApproval: true))
        #expect(try outbox.enqueueIfAbsent(message("e2", "j-1", expiresAt: fixtureNow + 60), at: fixtureNow, awaitingApproval: true))
        #expect(try outbox.claimNext(at: fixtureNow + 30) == nil)
        #expect(try outbox.skipExpired(at: fixtureNow + 60).map(\.rule) == ["j-1"])
        try outbox.approve(id: 1, actor: "anne", at: fixtureNow + 61)
        #expect(throws: StoreError.invalidOutboxTransition(id: 1, from: .queued, action: "approve")) {
            try outbox.approve(id: 1, actor: "anne", at: fixtureNow + 62)
        }
        #expect(throws: StoreError.invalidOutboxTransition(id: 3, from: .skipped, action: "approve")) {
            try outbox.approve(id: 3, actor: "anne", at: fixtureNow + 62)
        }
        #expect(try outbox.claimNext(at: fixtureNow + 62)?.entry.rule == "j-7")
        #expect(try outbox.approveAll(seasonID: "autre", actor: "anne", at: fixtureNow + 63) == [])
        #expect(try outbox.approveAll(seasonID: "s2026", actor: "anne", at: fixtureNow + 63) == [2])
        #expect(try outbox.claimNext(at: fixtureNow + 63) == nil, "approved, it still waits for its time")
        #expect(try outbox.claimNext(at: fixtureNow + 600)?.id == 2)
    }

    @Test func recoveryRequeuesTheMessageInFlightAfterACrash() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        try outbox.enqueueIfAbsent(message("e1", "j-1"), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e2", "j-1"), at: fixtureNow)
        let inFlight = try #require(try outbox.claimNext(at: fixtureNow))
        // The "crash": the connection goes away with the message still marked sending.
        try database.close()

        let reopened = try Database(path: directory.file("tournee.db"))
        let recovered = OutboxStore(reopened)
        #expect(try recovered.recoverInFlight() == [inFlight.id])
        #expect(try recovered.recoverInFlight() == [])
        let claimedAgain = try #require(try recovered.claimNext(at: fixtureNow))
        #expect(claimedAgain.id == inFlight.id)
        #expect(claimedAgain.entry.attempts == 2)
    }

    @Test func staleAndSupersededMessagesAreSkippedOrCancelled() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let outbox = OutboxStore(database)
        try outbox.enqueueIfAbsent(message("e1", "j-7", expiresAt: fixtureNow + 100), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e1", "j-1", expiresAt: fixtureNow + 10_000), at: fixtureNow)
        try outbox.enqueueIfAbsent(message("e2", "j-7"), at: fixtureNow)
        #expect(try outbox.claimNext(at: fixtureNow + 200)?.entry.rule == "j-1")
        let skipped = try outbox.skipExpired(at: fixtureNow + 200)
        #expect(skipped.map(\.rule) == ["j-7"])
        #expect(skipped.map(\.status) == [.skipped])
        #expect(try outbox.list(statuses: [.skipped]).map(\.eventID) == ["e1"])
        #expect(try outbox.cancelSuperseded(eventID: "e2", olderThan: 2, reason: "date changée").count == 1)
        #expect(try outbox.cancelSuperseded(eventID: "e2", olderThan: 2, reason: "date changée") == [])
    }
}
