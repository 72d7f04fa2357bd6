import Foundation
import Routing
import Store
import TestSupport
import Testing
import TourneeCLI

/// Kills the real `tournee record --import` at random instants, 50 times, and checks after each
/// kill that the database passes `db check`, that every acknowledged sheet (exit 0) is wholly
/// there, and that the killed sheet is there wholly or not at all.
struct RecordCrashTests {
    static let sheets = 50
    static let rowsPerSheet = 200

    @Test func killedImportsLeaveAConsistentDatabaseAndKeepAcknowledgedSheets() throws {
        let world = try RecordsWorld()
        let generator = Repository.url("Benchmarks/records/generate.py")
        _ = try PythonPeer.run(script: generator, [world.folder.path, "1", String(Self.sheets * Self.rowsPerSheet)])
        let planImport = world.run(["schedule", "import", world.folder.appendingPathComponent("plan-1.json").path, "--no-season"])
        #expect(planImport.status == .success, "\(planImport.err)")
        let lines = try String(contentsOf: world.folder.appendingPathComponent("records-1.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let header = lines[0]
        let rows = Array(lines.dropFirst())
        #expect(rows.count == Self.sheets * Self.rowsPerSheet)
        let tournee = try BuiltProgram.path("tournee")
        var random = SplitMix64(seed: 2023)
        var acknowledged = 0
        var killedMidway = 0
        var presentSheets = 0
        var window: Double = 0
        for sheet in 0..<Self.sheets {
            let slice = rows[(sheet * Self.rowsPerSheet)..<((sheet + 1) * Self.rowsPerSheet)]
            let file = try world.write("sheet-\(sheet).csv", ([header] + slice).joined(separator: "\r\n") + "\r\n")
            let started = Date()
            // The generated season is in 2031 and its evenings were never confirmed.
            let child = try Child(
                executable: tournee,
                arguments: ["record", "--import", file, "--db", world.database, "--force", "--reason", "saison générée"],
                environment: ProcessInfo.processInfo.environment.merging(["TOURNEE_NOW": "2099-01-01T00:00:00+01:00"]) { $1 })
            let process = child.process
            if sheet > 0 {
                // Anywhere from before the transaction starts to shortly after it usually ends.
                usleep(UInt32(Double(random.next() % 1000) / 1000 * window * 1.3 * 1_000_000))
                child.signal(SIGKILL)
            }
            process.waitUntilExit()
            if sheet == 0 { window = Date().timeIntervalSince(started) }
            let finished = process.terminationReason == .exit && process.terminationStatus == 0
            if finished { acknowledged += 1 } else { killedMidway += 1 }
            let check = world.run(["db", "check"])
            #expect(check.status == .success, "after sheet \(sheet): \(check.out)\(check.err)")
            let database = try world.open()
            let ids = slice.map { String($0.prefix { $0 != "," }) }
            let list = "[" + ids.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            let stored =
                try database.queryOne(
                    "SELECT count(*) FROM evening_records WHERE event_id IN (SELECT value FROM json_each(?))", [list]
                ) { $0.int(0) } ?? -1
            #expect(stored == 0 || stored == Self.rowsPerSheet, "sheet \(sheet) half imported: \(stored)")
            if finished { #expect(stored == Self.rowsPerSheet, "acknowledged sheet \(sheet) missing") }
            if stored == Self.rowsPerSheet { presentSheets += 1 }
            let total = try database.queryOne("SELECT count(*) FROM evening_records") { $0.int(0) }
            #expect(total == presentSheets * Self.rowsPerSheet)
            try database.close()
        }
        #expect(killedMidway >= 10, "too few kills landed before the end: \(killedMidway)")
        #expect(acknowledged >= 1)
        print("record crash test: \(killedMidway) kills before the end, \(acknowledged) sheets acknowledged, \(presentSheets) present")
    }
}
