import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct SeasonStoreTests {
    @Test func savesUpdatesAndListsSeasonsByFirstDate() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let store = SeasonStore(database)
        try store.save(SeasonRecord(id: "s2023", name: "Guinguette 2023", firstDate: "2023-05-01", lastDate: "2023-09-30"))
        try store.save(SeasonRecord(id: "s2026", name: "Guinguette mobile 2026", firstDate: "2026-05-02", lastDate: "2026-09-30"))
        #expect(try store.all().map(\.id) == ["s2023", "s2026"])
        #expect(try store.season(id: "s2026")?.name == "Guinguette mobile 2026")
        #expect(try store.season(id: "s2026")?.timeZone == "Europe/Paris")
        #expect(try store.season(id: "nope") == nil)
        #expect(throws: DatabaseError.self) {
            try store.save(SeasonRecord(id: "bad", name: "x", firstDate: "2026-09-30", lastDate: "2026-05-01"))
        }
        #expect(throws: DatabaseError.self) {
            try database.execute(
                "INSERT INTO seasons (id, name, first_date, last_date, time_zone) VALUES ('bad', 'x', '2026-02-30', '2026-05-01', 'Europe/Paris')"
            )
        }
    }
}
