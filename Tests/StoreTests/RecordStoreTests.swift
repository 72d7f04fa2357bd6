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

    @Test func importIsAllOrNothingAndNamesTheBadRow() throws {
        let (directory, database) = try prepared()
        defer { directory.remove() }
        let store = RecordStore(database)
        let before = try snapshot(database)
        let rows = [
            NewEveningRecord(eventID: "e1", attendance: 100, partners: [PartnerReference(name: "Asso A", kind: .association)]),
            NewEveningRecord(eventID: "e4", attendance: 80, animations: ["Cinéma"]),
            NewEveningRecord(eventID: "e5", attendance: -3),
        ]
        let badRows = rows + [NewEveningRecord(eventID: "nope", attendance: 1), rows[0]]
        let expected = StoreError.importFailed([
            ImportRowFailure(
                row: 2, eventID: "e5",
                reason: .invalidValue(field: "attendance", reason: "must not be negative (-3)")),
            ImportRowFailure(row: 3, eventID: "nope", reason: .eventNotFound(id: "nope")),
            ImportRowFailure(row: 4, eventID: "e1", reason: .alreadyRecorded(eventID: "e1")),
        ])
        #expect(throws: expected) { try store.importRecords(badRows, actor: "léa", at: fixtureNow) }
        #expect(
            expected.description == """
                row 3 (event e5): attendance: must not be negative (-3)
                row 4 (event nope): no event nope
                row 5 (event e1): event e1 already has a record
                nothing imported
                """)
        #expect(try snapshot(database) == before)

        let ids = try store.importRecords(Array(rows[0...1]), actor: "léa", at: fixtureNow)
        #expect(ids.count == 2)
        #expect(try store.records().map(\.entry.eventID) == ["e1", "e4"])
        #expect(try store.records().map(\.entry.attendance) == [100, 80])
    }
}
