import Foundation
import Operations
import Store
import TestSupport
import Testing

/// SQLite failures reach the user in French, naming the database file, with the fitting status.
struct DatabaseFailureTextTests {
    @Test func aFullDiskIsAnIOErrorNamingTheFileAndWithoutSQL() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let path = scratch.file("t.db")
        let database = try Database(path: path)
        try database.execute("CREATE TABLE filler (data BLOB NOT NULL)")
        // A page quota makes SQLite answer as a full disk would.
        _ = try database.queryOne("PRAGMA max_page_count = 8") { $0.int(0) }
        let error = try #require(throws: DatabaseError.self) {
            try database.transaction {
                for _ in 0..<64 { try database.execute("INSERT INTO filler (data) VALUES (?)", [[UInt8](repeating: 7, count: 4096)]) }
            }
        }
        #expect(error.kind == .diskFull)
        #expect(DatabaseFailureText.exitCode(error.kind) == 74)
        let text = DatabaseFailureText.french(error, path: path)
        #expect(text == "\(path) : disque plein, rien n'a été enregistré ; libérez de la place dans \(scratch.path) puis recommencez")
        #expect(!text.contains("SQL") && !text.contains("full"))
    }

    @Test(arguments: [
        (Int32(8), DatabaseError.Kind.readOnly, Int32(74)), (14, .cannotOpen, 74), (5, .busy, 75),
        (26, .notADatabase, 65), (19, .constraint, 70),
    ])
    func eachResultCodeHasItsKindAndStatus(code: Int32, kind: DatabaseError.Kind, status: Int32) {
        let error = DatabaseError(resultCode: code, extendedCode: code, message: "raw SQLite text", sql: "COMMIT")
        #expect(error.kind == kind)
        #expect(DatabaseFailureText.exitCode(kind) == status)
        let text = DatabaseFailureText.french(error, path: "/srv/tournee/saison.db")
        #expect(text.hasPrefix("/srv/tournee/saison.db : "))
        #expect(!text.contains("raw SQLite text") && !text.contains("COMMIT"))
        if kind == .readOnly || kind == .cannotOpen { #expect(text.contains("/srv/tournee")) }
    }
}
