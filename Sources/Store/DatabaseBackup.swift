import CSQLite
import Foundation

extension Database {
    /// Copies the whole database to `destination` with SQLite's online backup API
    /// (sqlite3_backup_*), while other connections may keep writing (WAL lets them).
    ///
    /// The copy is one backup step over one read snapshot, so it is consistent and is never
    /// restarted by concurrent writers; it goes to a temporary file beside the destination that
    /// is renamed into place only when complete, so a crash never leaves a half backup under the
    /// final name. O(database pages).
    public func backup(to destination: String) throws {
        let source = try openConnection(for: nil)
        let partial = destination + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        var target: OpaquePointer?
        let openCode = sqlite3_open_v2(
            partial, &target,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard openCode == SQLITE_OK, let target else {
            let error = DatabaseError(code: openCode, connection: target, sql: nil)
            sqlite3_close_v2(target)
            throw error
        }
        do {
            guard let backup = sqlite3_backup_init(target, "main", source, "main") else {
                throw DatabaseError(code: sqlite3_errcode(target), connection: target, sql: nil)
            }
            var code: Int32
            repeat {
                code = sqlite3_backup_step(backup, -1)
                // A writer holding the lock at the instant of the step: wait and try again.
                if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
            } while code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_OK
            let finish = sqlite3_backup_finish(backup)
            guard code == SQLITE_DONE, finish == SQLITE_OK else {
                throw DatabaseError(code: code == SQLITE_DONE ? finish : code, connection: target, sql: nil)
            }
            let closeCode = sqlite3_close(target)
            guard closeCode == SQLITE_OK else {
                throw DatabaseError(code: closeCode, connection: target, sql: nil)
            }
        } catch {
            sqlite3_close_v2(target)
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        guard rename(partial, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: partial)
            throw DatabaseError(
                resultCode: SQLITE_CANTOPEN, extendedCode: SQLITE_CANTOPEN,
                message: "could not move the backup into place: \(reason)", sql: nil)
        }
    }
}
