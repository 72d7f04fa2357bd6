import CivilTime
import Foundation
import SeasonVocabulary
import Store
import TestSupport

/// The instant fixtures use as "now": 2026-05-01 00:00:00 UTC.
let fixtureNow: Int64 = 1_777_593_600

/// Opens a migrated database in `directory` with one season and two communes.
func makeDatabase(in directory: TemporaryDirectory, name: String = "tournee.db") throws -> Database {
    let database = try Database(path: directory.file(name))
    try Migrator.tournee.migrate(database, at: fixtureNow)
    try SeasonStore(database).save(
        SeasonRecord(
            id: "s2026", name: "Guinguette 2026",
            firstDate: "2026-05-01", lastDate: "2026-09-30"))
    let communes = CommuneStore(database)
    try communes.save(
        CommuneRecord(
            insee: "52448", name: "Saint-Dizier", latitude: 48.6383,
            longitude: 4.9497, population: 24_000, hasCafe: true))
    try communes.save(
        CommuneRecord(
            insee: "51217", name: "Giffaumont-Champaubert", latitude: 48.5547,
            longitude: 4.7681, population: 250, hasCafe: false))
    return database
}

/// A planned evening on June `day` 2026, 19:00–23:00 Paris time (UTC+2).
func plannedEvent(_ id: String, day: Int, insee: String = "52448", km: Double = 20) -> PlannedEventRecord {
    // 2026-06-01 17:00 UTC is 19:00 in Paris (CEST).
    let start = Int64(1_780_333_200) + Int64(day - 1) * 86_400
    let slot = EventSlot(
        date: CivilDate(year: 2026, month: 6, day: day)!, localStart: "19:00",
        localEnd: "23:00", startsAt: start, endsAt: start + 4 * 3_600)
    return PlannedEventRecord(
        id: id, seasonID: "s2026", insee: insee, slot: slot, vehicle: "van-1",
        tour: "juin", km: km)
}

/// Every row of every table of the schema, as values: equal snapshots mean an unchanged database.
func snapshot(_ database: Database) throws -> [String: [[SQLValue]]] {
    let tables = [
        "seasons", "communes", "mairie_contacts", "events", "event_history", "partners",
        "evening_records", "record_animations", "record_partners", "outbox",
        "schema_migrations",
    ]
    var result: [String: [[SQLValue]]] = [:]
    for table in tables {
        // Table names are the constants above, never data.
        result[table] = try database.query("SELECT * FROM \(table) ORDER BY rowid") { row in
            (0..<row.columnCount).map { row.value($0) }
        }
    }
    return result
}
