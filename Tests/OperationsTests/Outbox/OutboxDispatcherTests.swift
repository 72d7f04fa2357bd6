import Foundation
import Glibc
import Mail
import Synchronization
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// The dispatcher against the real aiosmtpd fixture server: a round's messages share one
/// connection, and a relay that refuses the client pauses the outbox instead of parking it.
@Suite(.serialized) struct OutboxDispatcherTests {
    /// The log lines a dispatcher wrote.
    final class Lines: Sendable {
        private let lines = Mutex<[String]>([])
        init() {}
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    init() { signal(SIGPIPE, SIG_IGN) }

    private static let start = PlanFixture.importedAt + 60

    /// The small season's three requests for agreement, queued in a database in `scratch`.
    private func queuedSeason(_ scratch: TemporaryDirectory) throws -> SharedDatabase {
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let scheduler = ReminderScheduler(policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer())
        #expect(try scheduler.tick(database, at: Self.start).queued.count == 3)
        return SharedDatabase(database)
    }

    /// A dispatcher through `server`, logging in `lines`, with `password` for user `tournee`.
    private func dispatcher(_ database: SharedDatabase, server: SMTPCatcher, password: String?, lines: Lines) throws
        -> OutboxDispatcher
    {
        let transport = SMTPTransport(
            host: "127.0.0.1", port: server.port,
            credentials: password.map { SMTPCredentials(username: "tournee", password: Secret($0)) },
            timeouts: SMTPTimeouts(connect: .seconds(5), command: .seconds(5), dataTermination: .seconds(10)))
        return OutboxDispatcher(
            database: database, transport: transport, sender: try Fixtures.identity().from,
            retry: RetryPolicy(maxAttempts: 2, initialDelay: 1, maxDelay: 2, jitter: 0, seed: 1),
            logger: Logger(threshold: .info) { line in lines.append(line) })
    }

    /// The fixture server in `scratch`, started, requiring `auth` when given.
    private func server(_ scratch: TemporaryDirectory, auth: String? = nil) throws -> SMTPCatcher {
        let server = try SMTPCatcher(in: scratch.path, auth: auth)
        try server.start()
        return server
    }

    @Test func aRoundSendsItsMessagesOverOneConnection() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let server = try server(scratch)
        defer { server.stop() }
        let round = try dispatcher(try queuedSeason(scratch), server: server, password: nil, lines: Lines()).dispatchDue(now: { Self.start }
        )
        #expect(round.outcomes.count == 3 && round.pausedUntil == nil)
        #expect(server.delivered().count == 3)
        #expect(server.connections() == 1 + 1, "the readiness probe, and one connection for the round")
    }

    /// 535 to AUTH: every message would get it. The outbox pauses with each message in its place,
    /// the refusal is logged once however many rounds meet it, nothing is parked; once the
    /// password is right, every message leaves in order.
    @Test func refusedCredentialsPauseTheOutboxAndAreLoggedOnce() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let server = try server(scratch, auth: "tournee:s3cret-Guinguette")
        defer { server.stop() }
        let lines = Lines()
        let database = try queuedSeason(scratch)
        let refused = try dispatcher(database, server: server, password: "mauvais", lines: lines)
        for round in 0..<4 {
            let result = try refused.dispatchDue(now: { Self.start + Int64(round) * 3_600 })
            #expect(result.outcomes.count == 1)
            #expect(result.pausedUntil != nil)
        }
        let refusals = lines.all.filter { $0.contains("relay refuses this client") }
        #expect(refusals.count == 1, "\(lines.all)")
        #expect(refusals.first?.contains("535") == true)
        #expect(!lines.all.contains { $0.contains("message parked") })
        let counts = try database.withDatabase { try OutboxStore($0).countsByStatus().map { "\($0.status.rawValue)=\($0.count)" } }
        #expect(counts == ["awaiting-approval=0", "queued=3", "sending=0", "sent=0", "parked=0", "cancelled=0", "skipped=0"])

        let repaired = try dispatcher(database, server: server, password: "s3cret-Guinguette", lines: lines)
        let round = try repaired.dispatchDue(now: { Self.start + 5 * 3_600 })
        #expect(round.outcomes.count == 3)
        #expect(try server.deliveredMessageIDs().count == 3)
    }

    /// 530 (authentication required) at MAIL FROM: the relay refuses the client, not the message.
    @Test func authenticationRequiredPausesToo() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let server = try server(scratch, auth: "tournee:s3cret-Guinguette")
        defer { server.stop() }
        let lines = Lines()
        let database = try queuedSeason(scratch)
        let round = try dispatcher(database, server: server, password: nil, lines: lines).dispatchDue(now: { Self.start })
        #expect(round.pausedUntil != nil)
        #expect(lines.all.contains { $0.contains("relay refuses this client") && $0.contains("530") })
        #expect(try database.withDatabase { try OutboxStore($0).list(statuses: [.parked]) }.isEmpty)
    }
}
