import CivilTime
import Foundation
import Routing
import SeasonVocabulary
import Store
import TestSupport
import Testing

/// The crash test: a process writing records is killed with SIGKILL at random instants,
/// and after each kill the database must pass `check` and hold every acknowledged record.
@Suite struct CrashSafetyTests {
    @Test func everyAcknowledgedRecordSurvivesFiftyKills() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let path = directory.file("crash.db")
        var generator = SplitMix64(seed: 20_260_525)
        var acknowledged: [String] = []
        var runsWithAcknowledgements = 0
        var recoveredMessages = 0
        for run in 0..<50 {
            let writer = try CrashWriter(arguments: [path, "records", String(run)])
            // Even runs count the delay from the spawn, so some kills land while opening the
            // database (and recovering the previous run's WAL); odd runs from the first commit,
            // so that kills land mid-write however slow the machine is.
            var lines: [String] = []
            if run % 2 == 1, let first = try writer.readLine() { lines.append(first) }
            usleep(UInt32.random(in: 0...200_000, using: &generator))
            writer.kill()
            #expect(writer.process.terminationReason == .uncaughtSignal, "run \(run) ended before the kill")
            lines += try writer.remainingLines()
            let ids = lines.compactMap { $0.hasPrefix("ACK ") ? String($0.dropFirst(4)) : nil }
            #expect(ids.count == lines.count, "run \(run): unexpected output \(lines)")
            if !ids.isEmpty { runsWithAcknowledgements += 1 }
            acknowledged += ids

            let database = try Database(path: path)
            try Migrator.tournee.migrate(database, at: fixtureNow)
            #expect(try database.check() == [], "run \(run)")
            // Only the one message in flight at the kill can be left sending.
            let recovered = try OutboxStore(database).recoverInFlight()
            #expect(recovered.count <= 1, "run \(run): \(recovered.count) messages were in flight")
            recoveredMessages += recovered.count
            let records = RecordStore(database)
            for id in ids {
                let record = try #require(try records.record(eventID: id), "run \(run): acknowledged \(id) lost")
                #expect("crash-\(run)-\(record.entry.attendance)" == id)
                #expect(record.partners.count == 1)
                #expect(record.entry.animations.count == 1)
                let messages = try database.queryOne(
                    "SELECT count(*) FROM outbox WHERE event_id = ?", [id]
                ) { $0.int(0) }
                #expect(messages == 1, "run \(run): \(id) has \(messages ?? 0) outbox messages")
            }
            // A kill between a commit and its acknowledgement leaves at most one extra record.
            let stored = try database.queryOne(
                "SELECT count(*) FROM evening_records WHERE event_id LIKE ?", ["crash-\(run)-%"]
            ) { $0.int(0) }
            #expect(stored == ids.count || stored == ids.count + 1, "run \(run)")
            try database.close()
        }
        let database = try Database(path: path)
        let total = try database.queryOne("SELECT count(*) FROM evening_records") { $0.int(0) } ?? 0
        #expect(total >= acknowledged.count)
        #expect(
            try database.queryOne(
                "SELECT count(*) FROM outbox WHERE status NOT IN ('sent', 'queued')"
            ) { $0.int(0) } == 0)
        #expect(try database.queryOne("SELECT count(*) FROM outbox") { $0.int(0) } == total)
        print(
            "crash test: \(acknowledged.count) acknowledged records over 50 kills, \(total) stored, \(runsWithAcknowledgements) runs with acknowledgements, \(recoveredMessages) outbox messages recovered from sending"
        )
    }
}
