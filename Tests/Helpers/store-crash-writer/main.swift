import CivilTime
// Test helper for the store's crash-safety tests: writes until killed, acknowledging each commit.
//
//   store-crash-writer DB records RUN   writes evening records for events "crash-RUN-N", N = 0, 1, …
//                                       (each with one queued outbox message), prints
//                                       "ACK crash-RUN-N" after each commit, then claims and marks
//                                       sent one outbox message in two more commits
//   store-crash-writer DB hold-migration
//                                       applies the schema, then starts one more migration, prints
//                                       "IN-MIGRATION" from inside its transaction and sleeps
import Foundation
import Store

/// The one instant every write uses: the test checks data, not times.
let now: Int64 = 1_700_000_000

func acknowledge(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func writeRecords(database: Database, run: String) throws {
    try SeasonStore(database).save(
        SeasonRecord(
            id: "crash", name: "Crash test", firstDate: CivilDate(year: 2026, month: 5, day: 1)!,
            lastDate: CivilDate(year: 2026, month: 9, day: 30)!))
    try CommuneStore(database).save(
        CommuneRecord(
            insee: "52448", name: "Saint-Dizier", latitude: 48.64,
            longitude: 4.95, population: 24_000, hasCafe: true))
    var index = 0
    while true {
        let id = "crash-\(run)-\(index)"
        try database.transaction {
            let day = 1 + index % 28
            let slot = EventSlot(
                date: CivilDate(year: 2026, month: 6, day: day)!, localStart: LocalTime(hour: 19, minute: 0)!,
                localEnd: LocalTime(hour: 23, minute: 0)!, startsAt: now + Int64(index) * 86_400,
                endsAt: now + Int64(index) * 86_400 + 14_400)
            let event = PlannedEventRecord(
                id: id, seasonID: "crash", insee: "52448", slot: slot,
                vehicle: "van", tour: nil, km: 12.5)
            _ = try EventStore(database).importPlan(
                [event], seasonID: "crash", reason: "crash test",
                actor: "writer", at: now)
            try RecordStore(database).record(
                NewEveningRecord(
                    eventID: id, attendance: index, animations: ["concert \(index)"],
                    partners: [PartnerReference(name: "Asso \(index % 7)", kind: .association)],
                    localSpendCents: index * 100),
                actor: "writer", at: now)
            try OutboxStore(database).enqueueIfAbsent(
                NewOutboxMessage(
                    eventID: id, rule: "j+1", eventVersion: 1, recipients: ["staff@example.org"],
                    subject: "Soirée \(index)", message: Array("Bonjour \(index)".utf8),
                    notBefore: now, expiresAt: nil),
                at: now)
        }
        acknowledge("ACK \(id)")
        // Dispatch as the daemon does: the claim commits before "sending", then the mark commits.
        let outbox = OutboxStore(database)
        if let claimed = try outbox.claimNext(at: now) { try outbox.markSent(id: claimed.id, at: now) }
        index += 1
    }
}

func holdMigration(database: Database) throws {
    let hold = Migration(name: "9999-crash-test-hold") { database in
        try database.execute("CREATE TABLE crash_probe (value INTEGER) STRICT")
        try database.execute("INSERT INTO crash_probe (value) VALUES (1)")
        acknowledge("IN-MIGRATION")
        sleep(60)
    }
    try Migrator(migrations: Schema.migrations + [hold]).migrate(database, at: now)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: store-crash-writer DB records RUN | DB hold-migration\n".utf8))
    exit(64)
}
do {
    let database = try Database(path: arguments[1])
    switch (arguments[2], arguments.count) {
    case ("records", 4):
        try Migrator.tournee.migrate(database, at: now)
        try writeRecords(database: database, run: arguments[3])
    case ("hold-migration", 3):
        try holdMigration(database: database)
    default:
        FileHandle.standardError.write(Data("unknown mode \(arguments[2])\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("store-crash-writer: \(error)\n".utf8))
    exit(1)
}
