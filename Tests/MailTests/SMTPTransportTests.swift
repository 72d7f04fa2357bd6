import Foundation
import Glibc
import TestSupport
import Testing

@testable import Mail

/// A whole reminder: French subject, display names, QP body and the event's .ics.
enum SampleOutgoing {
    static func reminderWithCalendar(token: String = "j7.evt-2.v2") throws -> Message {
        let calendar = try ICalendar(
            productID: "-//Tournée//Tournée 1.0//FR", method: .publish, stamp: SampleCalendar.stamp,
            events: [SampleCalendar.events[1]])
        return try SampleMessages.reminder(token: token, attachments: [calendar.attachment(filename: "guinguette-eclaron.ics")])
    }

    static func raw(_ text: String, to recipients: [String] = ["mairie@wassy.fr"]) throws -> OutgoingMessage {
        try OutgoingMessage(
            sender: MailAddress("tournee@guinguette-mobile.fr"),
            recipients: recipients.map { address throws(MessageError) in try MailAddress(address) },
            data: Array(text.utf8))
    }

    static let fast = SMTPTimeouts(connect: .seconds(5), command: .seconds(5), dataTermination: .seconds(10))
}

@Suite(.serialized) struct SMTPTransportTests {
    init() { signal(SIGPIPE, SIG_IGN) }

    @Test func aRealAiosmtpdMailboxReceivesTheReminderIntact() throws {
        let server = try SMTPCatcher.mailbox()
        defer { server.stop() }
        let message = try SampleOutgoing.reminderWithCalendar()
        let report = try SMTPTransport(
            host: "127.0.0.1", port: server.port, clientName: "tests.tournee.local", timeouts: SampleOutgoing.fast
        )
        .send(OutgoingMessage(message))
        #expect(report.accepted == message.recipients)
        #expect(report.refused.isEmpty)
        #expect(report.reply.hasPrefix("250"))
        let parsed = try server.parsed(calendar: true)
        try #require(parsed.count == 1)
        let received = parsed[0]
        #expect(received.defects.isEmpty)
        #expect(received.subject == message.subject)
        #expect(received.from == [["La Guinguette mobile", "tournee@guinguette-mobile.fr"]])
        #expect(received.to.map { $0[1] } == message.to.map(\.addrSpec))
        #expect(received.to.map { $0[0] } == message.to.map { $0.displayName ?? "" })
        #expect(received.body == message.text + "\n")
        #expect(received.header("X-MailFrom") == "tournee@guinguette-mobile.fr")
        #expect(received.header("X-RcptTo") == message.recipients.map(\.addrSpec).joined(separator: ", "))
        let calendar = try #require(received.attachments.first?.calendar)
        #expect(calendar.method == "PUBLISH")
        #expect(calendar.events.first?.uid == "evt-2@guinguette-mobile.fr")
        #expect(calendar.events.first?.dtstart.utc == "2026-03-28T19:00:00Z")
        #expect(calendar.events.first?.dtend.utc_by_vtimezone == "2026-03-29T00:30:00Z")
        #expect(calendar.events.first?.description == SampleCalendar.longDescription)
    }

    @Test func aServerThatIsDownIsATemporaryFailure() throws {
        let port = try LoopbackPort.free()
        let error = try #require(throws: TransportError.self) {
            try SMTPTransport(host: "127.0.0.1", port: port, timeouts: SampleOutgoing.fast).send(
                SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error.kind == .temporary)
        #expect(error.stage == "connexion")
        #expect(error.detail == "127.0.0.1:\(port) : connexion refusée")
    }

    @Test func aSilentServerTimesOutAsATemporaryFailure() throws {
        let port = try LoopbackPort.free()
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let listening =
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            } && listen(listener, 4) == 0
        try #require(listening)
        let timeouts = SMTPTimeouts(connect: .seconds(2), command: .milliseconds(300), dataTermination: .seconds(1))
        let error = try #require(throws: TransportError.self) {
            try SMTPTransport(host: "127.0.0.1", port: port, timeouts: timeouts).send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error == TransportError(.temporary, stage: "accueil", detail: "pas de réponse du serveur dans le délai"))
    }

    @Test func oneRefusedRecipientIsReportedWhileTheOthersReceiveTheMessage() throws {
        let server = try SMTPCatcher.started(reject: ["inconnu@wassy.fr"], defer: ["plein@wassy.fr"])
        defer { server.stop() }
        let message = try SampleOutgoing.raw(
            "Subject: Rappel\r\n\r\nBonjour\r\n",
            to: ["inconnu@wassy.fr", "mairie@wassy.fr", "plein@wassy.fr", "staff@guinguette-mobile.fr"])
        let report = try SMTPTransport(host: "127.0.0.1", port: server.port, timeouts: SampleOutgoing.fast).send(message)
        #expect(report.accepted.map(\.addrSpec) == ["mairie@wassy.fr", "staff@guinguette-mobile.fr"])
        #expect(report.refused.map(\.recipient.addrSpec) == ["inconnu@wassy.fr", "plein@wassy.fr"])
        #expect(report.refused.map(\.kind) == [.permanent, .temporary])
        #expect(report.refused[0].reply == "550 5.1.1 <inconnu@wassy.fr>: Recipient address rejected: User unknown")
        #expect(report.refused[1].reply.hasPrefix("451 4.3.0"))
        let parsed = try server.parsed(calendar: false)
        #expect(parsed.map { $0.header("X-Envelope-To") } == ["mairie@wassy.fr, staff@guinguette-mobile.fr"])
    }

    @Test func everyRecipientRefusedThrowsWithEachRefusal() throws {
        let server = try SMTPCatcher.started(reject: ["inconnu@wassy.fr"], defer: ["plein@wassy.fr"])
        defer { server.stop() }
        let transport = SMTPTransport(host: "127.0.0.1", port: server.port, timeouts: SampleOutgoing.fast)
        let permanent = try #require(throws: TransportError.self) {
            try transport.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n", to: ["inconnu@wassy.fr"]))
        }
        #expect(permanent.kind == .permanent)
        #expect(permanent.stage == "RCPT TO")
        #expect(permanent.refused.map(\.recipient.addrSpec) == ["inconnu@wassy.fr"])
        let mixed = try #require(throws: TransportError.self) {
            try transport.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n", to: ["inconnu@wassy.fr", "plein@wassy.fr"]))
        }
        #expect(mixed.kind == .temporary, "one 451 among the refusals means a retry may still deliver")
        #expect(try server.delivered().isEmpty)
    }

    @Test func dotStuffingAndLineEndsLetEveryByteThrough() throws {
        let server = try SMTPCatcher.started()
        defer { server.stop() }
        let text = "Subject: points\r\n\r\n.\r\n..deux\r\n.un\nLF seul\n\r\nfin sans retour"
        _ = try SMTPTransport(host: "127.0.0.1", port: server.port, timeouts: SampleOutgoing.fast).send(SampleOutgoing.raw(text))
        let file = try #require(try server.delivered().first)
        let stored = try String(contentsOfFile: file, encoding: .utf8)
        let envelope = "X-Envelope-From: tournee@guinguette-mobile.fr\r\nX-Envelope-To: mairie@wassy.fr\r\n"
        #expect(stored == envelope + "Subject: points\r\n\r\n.\r\n..deux\r\n.un\r\nLF seul\r\n\r\nfin sans retour\r\n")
    }

    @Test func aVeryLongBodyLineArrivesWholeAndAnOverlongRawLineIsRefusedBeforeConnecting() throws {
        let server = try SMTPCatcher.started()
        defer { server.stop() }
        let transport = SMTPTransport(host: "127.0.0.1", port: server.port, timeouts: SampleOutgoing.fast)
        let long = String(repeating: "Une ligne très longue, ", count: 400) + "\n.début par un point"
        let message = try SampleMessages.reminder(text: long)
        _ = try transport.send(OutgoingMessage(message))
        #expect(try server.parsed(calendar: false).first?.body == long + "\n")
        let error = try #require(throws: TransportError.self) {
            try transport.send(SampleOutgoing.raw("Subject: x\r\n\r\n" + String(repeating: "x", count: 999) + "\r\n"))
        }
        #expect(error == TransportError(.permanent, stage: "DATA", detail: "ligne 3 de 999 octets, au-delà des 998 que SMTP admet"))
        #expect(try server.delivered().count == 1)
    }

    @Test func authPlainWithTheRightPasswordDeliversAndAWrongOneNeverShowsIt() throws {
        let server = try SMTPCatcher.started(auth: "tournee:s3cret-Passw0rd")
        defer { server.stop() }
        func transport(_ password: String?) -> SMTPTransport {
            SMTPTransport(
                host: "127.0.0.1", port: server.port,
                credentials: password.map { SMTPCredentials(username: "tournee", password: Secret($0)) },
                timeouts: SampleOutgoing.fast)
        }
        _ = try transport("s3cret-Passw0rd").send(SampleOutgoing.raw("Subject: ok\r\n\r\nx\r\n"))
        #expect(try server.delivered().count == 1)
        let wrong = try #require(throws: TransportError.self) {
            try transport("mauvais-MotDePasse").send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(wrong.kind == .permanent)
        #expect(wrong.stage == "AUTH")
        #expect(wrong.detail.hasPrefix("535"))
        for text in [wrong.description, "\(wrong)", String(reflecting: wrong), transport("mauvais-MotDePasse").credentials!.description] {
            #expect(!text.contains("mauvais-MotDePasse"))
            #expect(!text.contains(Data("\0tournee\0mauvais-MotDePasse".utf8).base64EncodedString()))
        }
        let anonymous = try #require(throws: TransportError.self) { try transport(nil).send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n")) }
        #expect(anonymous.stage == "MAIL FROM")
        #expect(anonymous.detail.hasPrefix("530"))
        #expect(try server.delivered().count == 1)
    }

    @Test func authLoginIsUsedWhenPlainIsNotOffered() throws {
        let server = try SMTPCatcher.started(auth: "tournee:s3cret-Passw0rd", loginOnly: true)
        defer { server.stop() }
        func transport(_ password: String) -> SMTPTransport {
            SMTPTransport(
                host: "127.0.0.1", port: server.port,
                credentials: SMTPCredentials(username: "tournee", password: Secret(password)), timeouts: SampleOutgoing.fast)
        }
        _ = try transport("s3cret-Passw0rd").send(SampleOutgoing.raw("Subject: ok\r\n\r\nx\r\n"))
        #expect(try server.delivered().count == 1)
        let wrong = try #require(throws: TransportError.self) { try transport("faux").send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n")) }
        #expect(wrong.stage == "AUTH" && wrong.kind == .permanent && wrong.detail.hasPrefix("535"))
        #expect(!wrong.description.contains(Data("faux".utf8).base64EncodedString()))
    }

    @Test func aServerWithoutEHLOGetsHELO() throws {
        let server = try SMTPCatcher.started(noEHLO: true)
        defer { server.stop() }
        let report = try SMTPTransport(
            host: "127.0.0.1", port: server.port, clientName: "poste.tournee.local", timeouts: SampleOutgoing.fast
        )
        .send(SampleOutgoing.raw("Subject: helo\r\n\r\nx\r\n"))
        #expect(report.accepted.map(\.addrSpec) == ["mairie@wassy.fr"])
        #expect(try server.parsed(calendar: false).map(\.subject) == ["helo"])
    }

    @Test func aClientNameThatIsNotADomainIsRefusedBeforeEHLO() throws {
        let server = try SMTPCatcher.started()
        defer { server.stop() }
        let error = try #require(throws: TransportError.self) {
            try SMTPTransport(
                host: "127.0.0.1", port: server.port, clientName: "poste\r\nMAIL FROM:<x@y.fr>", timeouts: SampleOutgoing.fast
            )
            .send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error.kind == .permanent && error.stage == "EHLO")
        #expect(try server.delivered().isEmpty)
    }

    @Test func credentialsForAServerWithoutAuthAreAPermanentError() throws {
        let server = try SMTPCatcher.started()
        defer { server.stop() }
        let error = try #require(throws: TransportError.self) {
            try SMTPTransport(
                host: "127.0.0.1", port: server.port,
                credentials: SMTPCredentials(username: "u", password: Secret("p")), timeouts: SampleOutgoing.fast
            )
            .send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error.kind == .permanent)
        #expect(error.stage == "AUTH")
    }
}
