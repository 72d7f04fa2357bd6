import Foundation
import TestSupport
import Testing

@testable import Mail

@Suite struct MaildirTransportTests {
    @Test func messagesLandInNewWithUniqueNamesAndParseBack() throws {
        let directory = try TemporaryDirectory(prefix: "tournee-mail-tests").url.appendingPathComponent("dry-run")
        let transport = MaildirTransport(
            directory: directory.path, hostname: "poste/1:a",
            now: { SampleMessages.instant("2026-05-27T07:00:00.25Z") })
        let first = try SampleOutgoing.reminderWithCalendar(token: "a.1")
        let second = try SampleOutgoing.reminderWithCalendar(token: "b.2")
        let report = try transport.send(OutgoingMessage(first))
        _ = try transport.send(OutgoingMessage(second))
        #expect(report.accepted == first.recipients)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("new").path).sorted()
        #expect(names.count == 2)
        #expect(names.allSatisfy { $0.hasPrefix("1779865200.M250000P") && $0.hasSuffix(".poste\\0571\\072a") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("tmp").path).isEmpty)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("cur").path))
        let parsed = try PythonPeer.json([ParsedMessage].self, "parse_message.py", [directory.path, "--calendar"])
        #expect(parsed.map(\.message_id) == ["<a.1@guinguette-mobile.fr>", "<b.2@guinguette-mobile.fr>"])
        #expect(parsed.allSatisfy { $0.defects.isEmpty && $0.subject == first.subject && $0.body == first.text + "\n" })
        #expect(parsed[0].header("Return-Path") == "<tournee@guinguette-mobile.fr>")
        #expect(parsed[0].header("X-Envelope-To") == first.recipients.map(\.addrSpec).joined(separator: ", "))
        #expect(parsed[1].attachments.first?.calendar?.events.first?.uid == "evt-2@guinguette-mobile.fr")
        let stored = try Data(contentsOf: directory.appendingPathComponent("new").appendingPathComponent(names[0]))
        #expect(!stored.contains(13), "maildir files use LF line ends")
    }

    @Test func anUnwritableFolderIsAPermanentError() throws {
        let file = try TemporaryDirectory(prefix: "tournee-mail-tests").url.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: file)
        let error = try #require(throws: TransportError.self) {
            try MaildirTransport(directory: file.path + "/maildir", now: { Date(timeIntervalSince1970: 0) })
                .send(SampleOutgoing.raw("Subject: x\r\n\r\nx\r\n"))
        }
        #expect(error.kind == .permanent)
        #expect(error.stage == "maildir")
    }
}
