import CivilTime
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct StatementTests {
    @Test func bindsEveryStorageClassByIndexAndName() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        try database.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n ANY) STRICT")
        try database.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)",
            [Int64.max, 2.5, "Bar-le-Duc ’é\u{0}x", [UInt8](), SQLValue.null])
        let statement = try database.prepare("SELECT i, r, s, b, n FROM t WHERE s = :name")
        try statement.bind("Bar-le-Duc ’é\u{0}x", named: ":name")
        #expect(try statement.step())
        #expect(statement.int64(0) == Int64.max)
        #expect(statement.double(1) == 2.5)
        #expect(statement.text(2) == "Bar-le-Duc ’é\u{0}x")
        #expect(statement.value(3) == .blob([]))
        #expect(statement.isNull(4))
        #expect(try statement.step() == false)
        #expect(throws: DatabaseError.self) { try statement.bind(1, named: ":missing") }
    }

    @Test func refusesTwoStatementsInOnePrepare() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let database = try Database(path: directory.file("a.db"))
        let error = try #require(throws: DatabaseError.self) { try database.prepare("SELECT 1; SELECT 2") }
        #expect(error.message == "more than one SQL statement in one prepare")
        _ = try database.prepare("SELECT 1;  \n")
    }
}
