import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct RecordStoreTests {
    private func prepared() throws -> (TemporaryDirectory, Database) {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        let database = try makeDatabase(in: directory)
        try EventStore(database).importPlan(
            (1...5).map { plannedEvent("e\($0)", day: $0) },
            seasonID: "s2026", reason: "plan", actor: "anne", at: fixtureNow)
        return (directory, database)
    }

    @Test func recordingAnEveningStoresEverythingAndMarksTheEventDone() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let store = RecordStore(database)
        let entry = NewEveningRecord(
            eventID: "e2", attendance: 212, animations: ["Concert", "Quiz"],
            partners: [
                PartnerReference(name: "Comité des fêtes", kind: .association),
                PartnerReference(name: "Ferme du Val", kind: .producer),
                PartnerReference(name: "comite des FETES", kind: .association),
            ],
            localSpendCents: 45_050, salesCents: 120_000, volunteers: 6, weather: "orage",
            notes: "coupure de courant à 22 h")
        let id = try store.record(entry, actor: "léa", at: fixtureNow + 100)
        let stored = try #require(try store.record(eventID: "e2"))
        #expect(stored.id == id)
        #expect(stored.entry.attendance == 212)
        #expect(stored.entry.animations == ["Concert", "Quiz"])
        #expect(stored.partners.map(\.name) == ["Comité des fêtes", "Ferme du Val"])
        #expect(stored.entry.localSpendCents == 45_050)
        #expect(stored.entry.notes == "coupure de courant à 22 h")
        #expect(stored.recordedBy == "léa")
        #expect(try EventStore(database).event(id: "e2")?.status == .done)
        #expect(try EventStore(database).history(eventID: "e2").last?.kind == .done)
        #expect(throws: StoreError.alreadyRecorded(eventID: "e2")) {
            try store.record(NewEveningRecord(eventID: "e2", attendance: 1), actor: "léa", at: fixtureNow)
        }
        try EventStore(database).cancel(id: "e3", reason: "pluie", actor: "anne", at: fixtureNow)
        #expect(throws: StoreError.invalidTransition(eventID: "e3", from: .cancelled, action: .done)) {
            try store.record(NewEveningRecord(eventID: "e3", attendance: 1), actor: "léa", at: fixtureNow)
        }
        #expect(try store.records(seasonID: "s2026").map(\.entry.eventID) == ["e2"])
        #expect(try store.records(seasonID: "other").isEmpty)
    }

    @Test func aCorrectionReplacesTheFiguresAndKeepsEachFieldBeforeAndAfter() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let store = RecordStore(database)
        let first = NewEveningRecord(
            eventID: "e1", attendance: 210, animations: ["Bal"], partners: [PartnerReference(name: "Asso A", kind: .association)],
            localSpendCents: 18_000, volunteers: 6)
        try store.record(first, actor: "léa", at: fixtureNow)
        #expect(throws: StoreError.notRecorded(eventID: "e2")) {
            try store.amend(NewEveningRecord(eventID: "e2", attendance: 1), reason: "x", actor: "léa", at: fixtureNow)
        }
        #expect(try store.amend(first, reason: "même chose", actor: "léa", at: fixtureNow + 10) == nil)
        var corrected = first
        corrected.attendance = 220
        corrected.animations = ["Bal", "Quiz"]
        corrected.partners = [PartnerReference(name: "asso a", kind: .association)]  // the same partner
        corrected.volunteers = nil
        let correction = try #require(try store.amend(corrected, reason: "erreur de saisie", actor: "paul", at: fixtureNow + 60))
        #expect(
            correction.changes == [
                RecordFieldChange(field: .attendance, old: "210", new: "220"),
                RecordFieldChange(field: .animations, old: "Bal", new: "Bal | Quiz"),
                RecordFieldChange(field: .volunteers, old: "6", new: nil),
            ])
        let stored = try #require(try store.record(eventID: "e1"))
        #expect(stored.entry.attendance == 220 && stored.entry.animations == ["Bal", "Quiz"] && stored.entry.volunteers == nil)
        #expect(stored.partners.map(\.name) == ["Asso A"])
        #expect(stored.recordedBy == "léa" && stored.recordedAt == fixtureNow)
        #expect(try store.corrections(eventID: "e1") == [correction])
        #expect(correction.reason == "erreur de saisie" && correction.actor == "paul" && correction.at == fixtureNow + 60)
        #expect(try database.check() == [])
    }
}
