import CivilTime
import Foundation
import SeasonVocabulary
import Store
import Synchronization
import TestSupport
import Testing

/// A second connection writing pairs of rows on its own thread until told to stop.
private final class BackgroundWriter: Sendable {
    let stop = Atomic<Bool>(false)
    let transactions = Atomic<Int>(0)
    let failure = Mutex<String?>(nil)
    let finished = DispatchSemaphore(value: 0)

    func start(path: String) {
        Thread.detachNewThread { [self] in
            defer { finished.signal() }
            do {
                let database = try Database(path: path)
                let filler = [UInt8](repeating: 7, count: 2_048)
                var index = 0
                while !stop.load(ordering: .relaxed) {
                    try database.transaction {
                        // Two rows per transaction: a consistent copy always holds an even count.
                        try database.execute("INSERT INTO bulk (pair, payload) VALUES (?, ?)", [index, filler])
                        try database.execute("INSERT INTO bulk (pair, payload) VALUES (?, ?)", [index, filler])
                    }
                    transactions.add(1, ordering: .relaxed)
                    index += 1
                }
                try database.close()
            } catch {
                failure.withLock { $0 = "\(error)" }
            }
        }
    }
}

@Suite struct DatabaseBackupTests {
    @Test func backupIsConsistentWhileAnotherConnectionWrites() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        try database.execute("CREATE TABLE bulk (pair INTEGER NOT NULL, payload BLOB NOT NULL) STRICT")
        try database.transaction {
            let filler = [UInt8](repeating: 1, count: 2_048)
            for index in 0..<2_000 {
                try database.execute("INSERT INTO bulk (pair, payload) VALUES (?, ?)", [-1 - index, filler])
            }
        }
        let writer = BackgroundWriter()
        writer.start(path: directory.file("tournee.db"))
        while writer.transactions.load(ordering: .relaxed) < 5 && writer.failure.withLock({ $0 }) == nil {
            usleep(1_000)
        }
        var counts: [Int] = []
        for copy in 0..<3 {
            let destination = directory.file("backup-\(copy).db")
            let before = writer.transactions.load(ordering: .relaxed)
            try database.backup(to: destination)
            let backup = try Database(path: destination)
            #expect(try backup.check() == [])
            #expect(try Migrator.tournee.pendingMigrations(in: backup) == [])
            #expect(try SeasonStore(backup).season(id: "s2026") != nil)
            let rows = try #require(try backup.queryOne("SELECT count(*) FROM bulk WHERE pair >= 0") { $0.int(0) })
            #expect(rows % 2 == 0)
            #expect(rows / 2 >= before)
            counts.append(rows)
            #expect(!FileManager.default.fileExists(atPath: destination + ".partial"))
            try backup.close()
        }
        writer.stop.store(true, ordering: .relaxed)
        writer.finished.wait()
        #expect(writer.failure.withLock { $0 } == nil)
        #expect(counts == counts.sorted())
        #expect(writer.transactions.load(ordering: .relaxed) > counts[0] / 2)
    }

    @Test func backupReplacesAnOlderCopyAndLeavesNoSideFiles() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        let destination = directory.file("nightly.db")
        try database.backup(to: destination)
        try SeasonStore(database).save(
            SeasonRecord(
                id: "s2027", name: "Guinguette 2027",
                firstDate: "2027-05-01", lastDate: "2027-09-30"))
        try database.backup(to: destination)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("nightly") }
        #expect(files == ["nightly.db"])
        let copy = try Database(path: destination)
        #expect(try SeasonStore(copy).all().map(\.id) == ["s2026", "s2027"])
        #expect(try copy.check() == [])
    }

    @Test func backupIntoAMissingFolderFails() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try makeDatabase(in: directory)
        #expect(throws: DatabaseError.self) { try database.backup(to: directory.file("no/such/dir/b.db")) }
    }
}
