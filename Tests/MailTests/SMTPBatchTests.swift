import Foundation
import Glibc
import TestSupport
import Testing

@testable import Mail

/// Several messages through one SMTP connection, against the real aiosmtpd fixture server.
@Suite(.serialized) struct SMTPBatchTests {
    init() { signal(SIGPIPE, SIG_IGN) }

    private func transport(_ server: SMTPCatcher, password: String? = nil) -> SMTPTransport {
        SMTPTransport(
            host: "127.0.0.1", port: server.port,
            credentials: password.map { SMTPCredentials(username: "tournee", password: Secret($0)) },
            timeouts: SampleOutgoing.fast)
    }

    private func message(_ number: Int) throws -> OutgoingMessage {
        try SampleOutgoing.raw("Message-ID: <m\(number)@test>\r\nSubject: \(number)\r\n\r\nx\r\n")
    }

    @Test func aBatchSendsEveryMessageOverOneConnection() throws {
        let server = try SMTPCatcher.started(auth: "tournee:s3cret-Passw0rd")
        defer { server.stop() }
        let batch = transport(server, password: "s3cret-Passw0rd").batch()
        for number in 1...5 { _ = try batch.send(try message(number)) }
        batch.close()
        batch.close()
        #expect(try server.deliveredMessageIDs() == (1...5).map { "<m\($0)@test>" })
        // The readiness probe of `start`, and the batch's one connection.
        #expect(server.connections() == 1 + 1)
        // A message refused on its own (every recipient) leaves the connection usable for the next.
        let refusing = try SMTPCatcher.started(reject: ["inconnu@wassy.fr"])
        defer { refusing.stop() }
        let second = transport(refusing).batch()
        #expect(throws: TransportError.self) { try second.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n", to: ["inconnu@wassy.fr"])) }
        _ = try second.send(try message(6))
        second.close()
        #expect(try refusing.deliveredMessageIDs() == ["<m6@test>"])
        #expect(refusing.connections() == 1 + 1)
    }

    /// A relay that closes the connection after two messages (421 to the RSET): the batch opens
    /// a new one and nothing is lost or sent twice.
    @Test func aDroppedConnectionIsOpenedAgainWithoutLosingOrRepeating() throws {
        let server = try SMTPCatcher.started(dropAfter: 2)
        defer { server.stop() }
        let batch = transport(server).batch()
        for number in 1...5 { _ = try batch.send(try message(number)) }
        batch.close()
        #expect(try server.deliveredMessageIDs() == (1...5).map { "<m\($0)@test>" })
        #expect(server.connections() == 1 + 3)
    }

    /// A relay restarted between two messages of a batch: the kept connection is dead, the next
    /// message goes through a new one.
    @Test func aRelayRestartedMidBatchGetsANewConnection() throws {
        let folder = try TemporaryDirectory(prefix: "tournee-smtp")
        defer { folder.remove() }
        let server = try SMTPCatcher(in: folder.path)
        try server.start()
        defer { server.stop() }
        let batch = transport(server).batch()
        _ = try batch.send(try message(1))
        server.stop()
        try server.start()
        _ = try batch.send(try message(2))
        batch.close()
        #expect(try server.deliveredMessageIDs() == ["<m1@test>", "<m2@test>"])
        #expect(server.connections() == 2 + 2, "two starts, each probed, and two connections")
    }

    @Test func refusedCredentialsAndAMissingLoginRefuseTheClientAsAWhole() throws {
        let server = try SMTPCatcher.started(auth: "tournee:s3cret-Passw0rd")
        defer { server.stop() }
        let wrong = try #require(throws: TransportError.self) { try transport(server, password: "faux").batch().send(try message(1)) }
        #expect(wrong.replyCode == 535 && wrong.refusesClient)
        let anonymous = try #require(throws: TransportError.self) { try transport(server).batch().send(try message(1)) }
        #expect(anonymous.replyCode == 530 && anonymous.refusesClient)
        let refused = try SMTPCatcher.started(reject: ["inconnu@wassy.fr"])
        defer { refused.stop() }
        let recipient = try #require(throws: TransportError.self) {
            try transport(refused).send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n", to: ["inconnu@wassy.fr"]))
        }
        #expect(!recipient.refusesClient)
    }
}
