import Synchronization
import Testing

@testable import Operations

struct LoggerTests {
    final class Lines: Sendable {
        let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    @Test func oneLinePerEventWithKeyValuesAndJournalPriorities() {
        let captured = Lines()
        var logger = Logger(threshold: .info, journald: true) { captured.append($0) }
        logger.log(.error, "message parked", ["id": "12", "error": "550 5.1.1 <x@y>: unknown\r\nuser", "rule": "j-7"])
        logger.log(.debug, "dropped")
        logger.journald = false
        logger.log(.warning, "retry", ["stage": "connexion"])
        #expect(
            captured.all == [
                #"<3>error message parked id=12 error="550 5.1.1 <x@y>: unknown\r\nuser" rule=j-7"#,
                "warning retry stage=connexion",
            ])
    }
}
