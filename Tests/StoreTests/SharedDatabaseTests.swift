import CivilTime
import Dispatch
import SeasonVocabulary
import Store
import TestSupport
import Testing

@Suite struct SharedDatabaseTests {
    @Test func threadsShareOneConnectionWithoutLosingWrites() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-store")
        defer { directory.remove() }
        let shared = try SharedDatabase(path: directory.file("a.db"))
        try shared.withDatabase { try $0.execute("CREATE TABLE t (x INTEGER) STRICT") }
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for index in 0..<25 {
                try? shared.write { try $0.execute("INSERT INTO t VALUES (?)", [worker * 100 + index]) }
            }
        }
        #expect(try shared.withDatabase { try $0.queryOne("SELECT count(DISTINCT x) FROM t") { $0.int(0) } } == 200)
        try shared.close()
        #expect(throws: DatabaseError.self) { try shared.withDatabase { try $0.execute("SELECT 1") } }
    }
}
