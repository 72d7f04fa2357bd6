import Foundation
import Glibc
import Testing

@testable import TourneeDaemon

/// The lock is one per database file: every name of the file meets it. A `flock` is held by an
/// open file description, so two locks taken in this one process conflict as two daemons would.
@Suite struct InstanceLockTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tournee-lock-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        return path
    }

    private func isHeld(_ path: String) -> Bool {
        do {
            _ = try InstanceLock(databasePath: path)
            return false
        } catch {
            if case .held = error { return true }
            return false
        }
    }

    @Test func everyNameOfTheDatabaseMeetsTheSameLock() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let database = folder + "/t.db"
        let lock = try InstanceLock(databasePath: database)
        try FileManager.default.createSymbolicLink(atPath: folder + "/symbolic.db", withDestinationPath: database)
        #expect(link(database, folder + "/sub/hard.db") == 0)
        #expect(isHeld(database))
        #expect(isHeld(folder + "/sub/../t.db"))
        #expect(isHeld(folder + "/symbolic.db"))
        #expect(isHeld(folder + "/sub/hard.db"), "a hard link is the same file")
        let error = try #require(throws: InstanceLock.LockError.self) { try InstanceLock(databasePath: folder + "/sub/hard.db") }
        #expect(error == .held(path: folder + "/sub/hard.db", pid: getpid()), "the kernel's lock table names the holder")
        withExtendedLifetime(lock) {}
    }

    @Test func anotherDatabaseIsFreeAndALockEndsWithItsHolder() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let lock = try InstanceLock(databasePath: folder + "/a.db")
            #expect(!isHeld(folder + "/b.db"))
            withExtendedLifetime(lock) {}
        }
        #expect(!isHeld(folder + "/a.db"))
    }

    @Test func aFIFOOrAFolderIsNotADatabase() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(folder + "/fifo.db", 0o600) == 0)
        #expect(throws: InstanceLock.LockError.notAFile(path: folder + "/fifo.db", kind: "un tube nommé (FIFO)")) {
            try InstanceLock(databasePath: folder + "/fifo.db")
        }
    }
}
