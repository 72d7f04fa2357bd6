import Foundation
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// A whole season through the real `tourneed --once --now …` and a real SMTP server: every
/// expected message arrives exactly once and reads back right in Python's `email`/`icalendar`.
@Suite(.serialized) struct DaemonSeasonTests {
    static let e1 = ReminderSchedulerTests.e1, e2 = ReminderSchedulerTests.e2, e3 = ReminderSchedulerTests.e3

    @Test func aSeasonFromProposalToThankYouSendsEveryMessageOnce() throws {
        let world = try MailWorld()
        defer { world.close() }
        let scratch = world.scratch
        let server = world.server
        let configuration = world.configuration
        let databasePath = scratch.file("t.db")
        try PlanFixture.database(at: databasePath)
        func once(_ instant: String) throws {
            let result = try DaemonProcess.run(["--config", configuration, "--once", "--now", instant], scratch: scratch)
            #expect(result.status == 0, "\(instant): \(result.stderr)")
        }
        func change(_ body: (Database) throws -> Void) throws {
            let database = try Database(path: databasePath)
            try body(database)
            try database.close()
        }
        let events = { (database: Database) in EventStore(database) }

        try once("2027-03-01T10:00:00+01:00")
        try once("2027-03-01T10:05:00+01:00")  // nothing new: no repeat
        try change { try events($0).confirm(id: Self.e1, reason: "accord", actor: "test", at: Fixtures.instant("2027-03-01T12:00:00Z")) }
        try change { try events($0).cancel(id: Self.e3, reason: "travaux", actor: "test", at: Fixtures.instant("2027-03-01T12:00:00Z")) }
        try once("2027-03-02T10:00:00+01:00")
        try once("2027-04-20T09:00:00+02:00")
        try change { try events($0).confirm(id: Self.e2, reason: "accord", actor: "test", at: Fixtures.instant("2027-04-21T12:00:00Z")) }
        for instant in [
            "2027-04-30T09:00:00+02:00", "2027-05-05T09:00:00+02:00", "2027-05-08T09:00:00+02:00",
            "2027-05-13T09:00:00+02:00", "2027-05-14T10:00:00+02:00", "2027-05-16T09:00:00+02:00",
        ] {
            try once(instant)
        }
        try change {
            try RecordStore($0).record(
                NewEveningRecord(
                    eventID: Self.e1, attendance: 85, animations: ["Bal folk"],
                    localSpendCents: 42_000, volunteers: 6),
                actor: "camille", at: Fixtures.instant("2027-05-16T10:00:00Z"))
        }
        for instant in [
            "2027-05-17T10:00:00+02:00", "2027-05-19T10:00:00+02:00", "2027-05-21T09:00:00+02:00",
            "2027-06-30T10:00:00+02:00",
        ] {
            try once(instant)
        }

        let expected: [(String, String)] = [
            (Self.e1, "demande-accord"), (Self.e2, "demande-accord"), (Self.e3, "demande-accord"),
            (Self.e3, "annulation"), (Self.e3, "annulation-equipe"), (Self.e2, "sans-reponse"), (Self.e1, "j-15"), (Self.e2, "j-30"),
            (Self.e2, "j-15"), (Self.e1, "licence-manquante"), (Self.e1, "j-7"), (Self.e2, "licence-manquante"), (Self.e2, "j-7"),
            (Self.e1, "j-1"), (Self.e1, "j+1-saisie"), (Self.e1, "j+2-merci"), (Self.e2, "j-1"),
            (Self.e2, "j+1-saisie"),
        ]
        let ids = try server.deliveredMessageIDs()
        #expect(ids == expected.map { "<\($0.0).\($0.1).s0@guinguette.example.org>" })

        let parsed = Dictionary(uniqueKeysWithValues: try server.parsed().map { ($0.message_id, $0) })
        for (event, rule) in expected {
            let message = try #require(parsed["<\(event).\(rule).s0@guinguette.example.org>"])
            #expect(message.defects.isEmpty)
            #expect(message.header("Auto-Submitted") == "auto-generated")
            #expect(message.reply_to == [["Coordination", "coordination@guinguette.example.org"]])
            let calendar = try #require(message.attachments.first?.calendar)
            #expect(calendar.method == (rule.hasPrefix("annulation") ? "CANCEL" : "PUBLISH"))
            #expect(calendar.events.first?.uid == "\(event)@tournee")
            // One group per message: the mairie's, or the team's alone.
            let team = [
                "j+1-saisie": "equipe", "annulation-equipe": "equipe", "licence-manquante": "equipe", "sans-reponse": "planification",
            ][
                rule]
            #expect(
                message.to.map { $0[1] }
                    == (team.map { ["\($0)@guinguette.example.org"] } ?? message.to.map { $0[1] }.filter { $0.hasPrefix("mairie@") }))
            #expect(!message.to.isEmpty)
        }
        let thanks = try #require(parsed["<\(Self.e1).j+2-merci.s0@guinguette.example.org>"])
        #expect(thanks.subject == "La Guinguette mobile 2027 : merci pour la soirée du samedi 15 mai 2027 à Landricourt")
        #expect(thanks.body?.contains("- participants : 85\n") == true)
        let staff = try #require(parsed["<\(Self.e2).j+1-saisie.s0@guinguette.example.org>"])
        #expect(staff.to == [["Équipe", "equipe@guinguette.example.org"]])
        #expect(staff.body?.contains("tournee record \(Self.e2)") == true)
        let cancellation = try #require(parsed["<\(Self.e3).annulation.s0@guinguette.example.org>"])
        #expect(cancellation.header("X-Envelope-To") == "mairie@allichamps.example.org")

        let database = try Database(path: databasePath)
        let counts = try OutboxStore(database).countsByStatus()
        #expect(counts.first { $0.status == .sent }?.count == expected.count)
        #expect(counts.filter { $0.status != .sent && $0.status != .skipped && $0.status != .cancelled }.allSatisfy { $0.count == 0 })
    }

    @Test func theSendmailTransportHandsMessagesToMsmtp() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let msmtp = "/usr/bin/msmtp"
        try #require(FileManager.default.isExecutableFile(atPath: msmtp), "msmtp is missing: apt-get install -y msmtp")
        let server = try SMTPCatcher(in: scratch.path)
        try server.start()
        defer { server.stop() }
        let configuration = try TestConfiguration.write(in: scratch, port: server.port)
        try PlanFixture.database(at: scratch.file("t.db"))
        let rc = scratch.file(".msmtprc")
        try "account default\nhost 127.0.0.1\nport \(server.port)\nfrom tournee@guinguette.example.org\nauth off\ntls off\n"
            .write(toFile: rc, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: rc)
        let result = try DaemonProcess.run(
            [
                "--config", configuration, "--once", "--now", DaemonFaultTests.importInstant,
                "--transport", "sendmail:\(msmtp)",
            ], scratch: scratch, environment: ["HOME": scratch.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try server.deliveredMessageIDs() == [Self.e1, Self.e2, Self.e3].map { "<\($0).demande-accord.s0@guinguette.example.org>" })
        #expect(try server.parsed().allSatisfy { $0.defects.isEmpty && $0.header("X-Envelope-From") == "tournee@guinguette.example.org" })
    }

    @Test func afterDowntimeMeaningfulMessagesGoAndStaleOnesAreSkippedAndLogged() throws {
        let world = try MailWorld()
        defer { world.close() }
        let scratch = world.scratch
        let server = world.server
        let configuration = world.configuration
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        try EventStore(database).confirm(id: Self.e1, reason: "accord", actor: "test", at: PlanFixture.importedAt + 60)
        try database.close()
        // First start on 14 May at 10:00: everything since the import was missed. The evenings
        // never proposed get their request first and nothing else (no reminder of a request just
        // sent, no licence before an agreement), the planners are alerted that they are not agreed,
        // and the team that the agreed one has no licence noted.
        let result = try DaemonProcess.run(["--config", configuration, "--once", "--now", "2027-05-14T10:00:00+02:00"], scratch: scratch)
        #expect(result.status == 0)
        #expect(
            try server.deliveredMessageIDs()
                == [
                    (Self.e2, "demande-accord"), (Self.e3, "demande-accord"), (Self.e1, "licence-manquante"), (Self.e2, "sans-accord"),
                    (Self.e3, "sans-accord"), (Self.e1, "j-7"), (Self.e1, "j-1"),
                ]
                .map { "<\($0.0).\($0.1).s0@guinguette.example.org>" })
        let skipped = result.stderr.split(separator: "\n").filter { $0.hasPrefix("warning stale message skipped ") }
            .map { $0.split(separator: " ").filter { $0.hasPrefix("event=") || $0.hasPrefix("rule=") }.joined(separator: " ") }
        #expect(
            skipped == [
                "event=\(Self.e1) rule=j-15"
            ])
    }
}
