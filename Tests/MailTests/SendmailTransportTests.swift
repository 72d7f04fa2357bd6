import Foundation
import Glibc
import TestSupport
import Testing

@testable import Mail

@Suite(.serialized) struct SendmailTransportTests {
    init() { signal(SIGPIPE, SIG_IGN) }

    private func fake(
        exitCode: Int, sleep: Int = 0, source: SendmailTransport.RecipientSource = .envelope,
        timeout: Duration = .seconds(20)
    ) throws -> (SendmailTransport, URL) {
        let record = try TemporaryDirectory(prefix: "tournee-mail-tests").url
        let transport = SendmailTransport(
            program: "/bin/sh",
            arguments: [MailFixtures.folder.appendingPathComponent("fake_sendmail.sh").path, record.path, "\(exitCode)", "\(sleep)"],
            recipientSource: source, timeout: timeout)
        return (transport, record)
    }

    private func msmtp(port: Int, source: SendmailTransport.RecipientSource = .envelope) throws -> SendmailTransport {
        let path = "/usr/bin/msmtp"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw SupportError("msmtp is missing at \(path): apt-get install -y msmtp")
        }
        return SendmailTransport(
            program: path, arguments: ["-C", "/dev/null", "--host=127.0.0.1", "--port=\(port)", "--auth=off", "--tls=off"],
            recipientSource: source)
    }

    @Test func theProgramGetsTheEnvelopeAndTheExactMessageOnStandardInput() throws {
        let (transport, record) = try fake(exitCode: 0)
        let message = try OutgoingMessage(SampleOutgoing.reminderWithCalendar())
        let report = try transport.send(message)
        #expect(report.accepted == message.recipients)
        #expect(try Data(contentsOf: record.appendingPathComponent("stdin")) == Data(message.data))
        let arguments = try String(contentsOf: record.appendingPathComponent("args"), encoding: .utf8)
        #expect(
            arguments == (["-i", "-f", "tournee@guinguette-mobile.fr", "--"] + message.recipients.map(\.addrSpec)).joined(separator: "\n")
                + "\n")
    }

    @Test func headersModeAsksForMinusT() throws {
        let (transport, record) = try fake(exitCode: 0, source: .headers)
        _ = try transport.send(SampleOutgoing.raw("To: mairie@wassy.fr\r\nSubject: x\r\n\r\nx\r\n"))
        #expect(
            try String(contentsOf: record.appendingPathComponent("args"), encoding: .utf8) == "-t\n-i\n-f\ntournee@guinguette-mobile.fr\n")
    }

    @Test func exit75IsTemporaryAndOtherCodesArePermanentWithTheErrorOutput() throws {
        let temporary = try #require(throws: TransportError.self) {
            try fake(exitCode: 75).0.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(temporary.kind == .temporary)
        #expect(temporary.detail.contains("fake sendmail: exit 75"))
        let permanent = try #require(throws: TransportError.self) {
            try fake(exitCode: 67).0.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(permanent.kind == .permanent)
        #expect(permanent.stage == "sendmail")
        #expect(permanent.detail.contains("sortie 67"))
        #expect(permanent.detail.contains("fake sendmail: exit 67"))
    }

    @Test func aProgramThatHangsIsStoppedAtTheTimeout() throws {
        let (transport, record) = try fake(exitCode: 0, sleep: 60, timeout: .milliseconds(500))
        let error = try #require(throws: TransportError.self) { try transport.send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n")) }
        #expect(error.kind == .temporary)
        #expect(error.detail.contains("délai dépassé"))
        let pid = try #require(
            Int32(
                try String(contentsOf: record.appendingPathComponent("pid"), encoding: .utf8)
                    .trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the child is gone")
    }

    @Test func aMissingProgramIsAPermanentError() throws {
        let error = try #require(throws: TransportError.self) {
            try SendmailTransport(program: "/nonexistent/sendmail").send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error.kind == .permanent)
    }

    @Test func realMsmtpDeliversToTheTestServer() throws {
        let server = try SMTPCatcher.started()
        defer { server.stop() }
        let message = try SampleOutgoing.reminderWithCalendar()
        _ = try msmtp(port: server.port).send(OutgoingMessage(message))
        let parsed = try server.parsed(calendar: true)
        try #require(parsed.count == 1)
        #expect(parsed[0].subject == message.subject)
        #expect(parsed[0].header("X-Envelope-From") == "tournee@guinguette-mobile.fr")
        #expect(parsed[0].header("X-Envelope-To") == message.recipients.map(\.addrSpec).joined(separator: ", "))
        #expect(parsed[0].body == message.text + "\n")
        #expect(parsed[0].attachments.first?.calendar?.events.first?.uid == "evt-2@guinguette-mobile.fr")
    }

    @Test func realMsmtpReadsRecipientsFromTheHeadersWithMinusT() throws {
        let server = try SMTPCatcher.started()
        defer { server.stop() }
        let message = try SampleOutgoing.reminderWithCalendar()
        _ = try msmtp(port: server.port, source: .headers).send(OutgoingMessage(message))
        let parsed = try server.parsed(calendar: false)
        #expect(parsed.map { $0.header("X-Envelope-To") } == [message.recipients.map(\.addrSpec).joined(separator: ", ")])
        #expect(parsed.first?.subject == message.subject)
    }

    @Test func realMsmtpWithTheServerDownIsTemporary() throws {
        let error = try #require(throws: TransportError.self) {
            try msmtp(port: try LoopbackPort.free()).send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error.kind == .temporary)
        #expect(error.detail.contains("Connection refused"))
    }

    @Test func realMsmtpWithARefusedRecipientIsPermanent() throws {
        let server = try SMTPCatcher.started(reject: ["inconnu@wassy.fr"])
        defer { server.stop() }
        let error = try #require(throws: TransportError.self) {
            try msmtp(port: server.port).send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n", to: ["inconnu@wassy.fr"]))
        }
        #expect(error.kind == .permanent)
        #expect(error.detail.contains("550"))
    }
}
