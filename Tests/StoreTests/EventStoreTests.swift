import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct EventStoreTests {
    @Test func importingTheSamePlanTwiceChangesNothing() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = EventStore(database)
        let plan = [plannedEvent("e2", day: 5), plannedEvent("e1", day: 3, insee: "51217")]
        let first = try store.importPlan(plan, seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        #expect(first.inserted == ["e1", "e2"])
        let before = try snapshot(database)
        let second = try store.importPlan(plan, seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow + 99)
        #expect(second.changedNothing)
        #expect(second.unchanged == ["e1", "e2"])
        #expect(try snapshot(database) == before)
        let stored = try #require(try store.event(id: "e1"))
        #expect(stored.planned == plan[1])
        #expect(stored.status == .proposed)
        #expect(stored.version == 1)
        #expect(try store.history(eventID: "e1").map(\.kind) == [.imported])
    }

    /// A re-plan gives each evening it writes its own reason; the others get the import's.
    @Test func eachEventWrittenMayHaveItsOwnReason() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = EventStore(database)
        try store.importPlan(
            [plannedEvent("a", day: 1), plannedEvent("b", day: 2)], seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        let reasons = ["a": "déplacée : la date est prise", "b": "retirée : plus de place", "c": "nouvelle visite"]
        try store.importPlan(
            [plannedEvent("a", day: 3), plannedEvent("c", day: 4), plannedEvent("d", day: 5)], seasonID: "s2026", reason: "re-plan",
            reasons: reasons, actor: "bob", at: fixtureNow + 1)
        for id in ["a", "b", "c"] { #expect(try store.history(eventID: id).last?.reason == reasons[id]) }
        #expect(try store.history(eventID: "d").last?.reason == "re-plan")
    }

    @Test func replanUpdatesProposedEventsWithdrawsAbsentOnesAndNeverTouchesConfirmedOrDoneOnes() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = EventStore(database)
        try store.importPlan(
            [
                plannedEvent("a", day: 1), plannedEvent("b", day: 2),
                plannedEvent("c", day: 3), plannedEvent("d", day: 4), plannedEvent("f", day: 5),
            ],
            seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        try store.confirm(id: "b", reason: "mail du maire", actor: "anne", at: fixtureNow + 1)
        try store.markDone(id: "c", reason: "tenue", actor: "anne", at: fixtureNow + 2)
        try store.confirm(id: "f", reason: "accord", actor: "anne", at: fixtureNow + 2)
        let replan = [
            plannedEvent("a", day: 10), plannedEvent("b", day: 11),
            plannedEvent("c", day: 12), plannedEvent("e", day: 14),
        ]
        let summary = try store.importPlan(replan, seasonID: "s2026", reason: "re-plan", actor: "bob", at: fixtureNow + 3)
        #expect(summary.inserted == ["e"])
        #expect(summary.updated == ["a"])
        #expect(summary.kept == ["b", "c"])
        #expect(summary.withdrawn == ["d"])
        #expect(summary.absentConfirmed == ["f"])
        #expect(summary.written == ["e", "a", "d"])
        #expect(try store.event(id: "f")?.status == .confirmed)
        let withdrawn = try #require(try store.event(id: "d"))
        #expect(withdrawn.status == .withdrawn)
        #expect(withdrawn.planned.slot.date == "2026-06-04")
        #expect(try store.history(eventID: "d").last?.kind == .withdrawn)
        #expect(try store.history(eventID: "d").last?.reason == "absente du plan importé")
        // A later plan that holds it again proposes it again.
        let again = try store.importPlan(
            replan + [plannedEvent("d", day: 20), plannedEvent("f", day: 5)], seasonID: "s2026", reason: "re-plan", actor: "bob",
            at: fixtureNow + 4)
        #expect(again.updated == ["d"])
        #expect(try store.event(id: "d")?.status == .proposed)
        #expect(try store.event(id: "d")?.planned.slot.date == "2026-06-20")
        let a = try #require(try store.event(id: "a"))
        #expect(a.planned.slot.date == "2026-06-10")
        #expect(a.version == 2)
        #expect(a.sequence == 1)
        #expect(try store.event(id: "b")?.planned.slot.date == "2026-06-02")
        #expect(try store.event(id: "c")?.planned.slot.date == "2026-06-03")
        let change = try #require(try store.history(eventID: "a").last)
        #expect(change.kind == .replanned)
        #expect(change.oldDate == "2026-06-01")
        #expect(change.newDate == "2026-06-10")
        #expect(change.actor == "bob")
        #expect(change.at == fixtureNow + 3)
    }

    @Test func statusRulesAndHistory() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = EventStore(database)
        try store.importPlan(
            [plannedEvent("a", day: 1), plannedEvent("b", day: 2)],
            seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        let confirmed = try store.confirm(id: "a", reason: "accord", actor: "anne", at: fixtureNow + 10)
        #expect(confirmed.status == .confirmed)
        #expect(confirmed.version == 2)
        #expect(throws: StoreError.invalidTransition(eventID: "a", from: .confirmed, action: .confirmed)) {
            try store.confirm(id: "a", reason: "encore", actor: "anne", at: fixtureNow + 11)
        }
        var slot = plannedEvent("a", day: 8).slot
        slot.localStart = "20:00"
        let moved = try store.move(id: "a", to: slot, reason: "fête du village", actor: "maire", at: fixtureNow + 20)
        #expect(moved.status == .confirmed)
        #expect(moved.version == 3)
        #expect(moved.sequence == 1)
        #expect(throws: StoreError.unchangedMove(eventID: "a")) {
            try store.move(id: "a", to: slot, reason: "idem", actor: "maire", at: fixtureNow + 21)
        }
        try store.cancel(id: "a", reason: "pluie", actor: "maire", at: fixtureNow + 30)
        #expect(throws: StoreError.invalidTransition(eventID: "a", from: .cancelled, action: .moved)) {
            try store.move(id: "a", to: plannedEvent("a", day: 9).slot, reason: "x", actor: "x", at: fixtureNow + 31)
        }
        #expect(throws: StoreError.invalidTransition(eventID: "a", from: .cancelled, action: .confirmed)) {
            try store.confirm(id: "a", reason: "x", actor: "x", at: fixtureNow + 31)
        }
        #expect(throws: StoreError.eventNotFound(id: "zz")) {
            try store.cancel(id: "zz", reason: "x", actor: "x", at: fixtureNow)
        }
        let history = try store.history(eventID: "a")
        #expect(history.map(\.kind) == [.imported, .confirmed, .moved, .cancelled])
        #expect(history.map(\.version) == [1, 2, 3, 4])
        #expect(history[2].oldDate == "2026-06-01")
        #expect(history[2].newDate == "2026-06-08")
        #expect(history[2].newLocalStart == "20:00")
        #expect(history[3].oldStatus == .confirmed)
        #expect(history[3].newStatus == .cancelled)
        #expect(history[3].reason == "pluie")
        #expect(history[3].actor == "maire")

        #expect(try store.events(seasonID: "s2026", statuses: [.cancelled]).map(\.id) == ["a"])
        #expect(try store.events(statuses: [.proposed, .confirmed]).map(\.id) == ["b"])
        #expect(try store.events(seasonID: "s2026").map(\.id) == ["b", "a"])
        #expect(try store.events(seasonID: "other").isEmpty)
    }

    @Test func badPlansAreRefusedWholeWithTheOffendingEventNamed() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = EventStore(database)
        let before = try snapshot(database)
        #expect(throws: StoreError.communeNotFound(insee: "99999")) {
            try store.importPlan(
                [plannedEvent("ok", day: 1), plannedEvent("bad", day: 2, insee: "99999")],
                seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        }
        #expect(throws: StoreError.seasonNotFound(id: "nope")) {
            try store.importPlan([], seasonID: "nope", reason: "plan", actor: "anne", at: fixtureNow)
        }
        #expect(throws: StoreError.invalidValue(field: "event x", reason: "listed twice in the plan")) {
            try store.importPlan(
                [plannedEvent("x", day: 1), plannedEvent("x", day: 2)],
                seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        }
        #expect(throws: StoreError.invalidValue(field: "event k km", reason: "must not be negative (-1.0)")) {
            try store.importPlan([plannedEvent("k", day: 1, km: -1)], seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        }
        var reversed = plannedEvent("r", day: 1)
        reversed.slot.endsAt = reversed.slot.startsAt
        #expect(throws: StoreError.invalidValue(field: "event r end", reason: "must be after the start")) {
            try store.importPlan([reversed], seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        }
        #expect(try snapshot(database) == before)
    }
}
