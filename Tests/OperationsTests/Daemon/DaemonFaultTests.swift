import Foundation
import Glibc
import Routing
import TestSupport
import Testing

@testable import Operations
@testable import Store

/// Faults against the real binary and a real SMTP server: relay down, a refused recipient,
/// SIGTERM and SIGKILL in the middle of a dispatch, reloads, bad configurations, a second instance.
@Suite(.serialized) struct DaemonFaultTests {
    static let importInstant = "2027-03-01T10:00:00+01:00"

    /// A database holding `count` synthetic evenings whose requests for agreement are already
    /// queued (one `--once` against a closed port), so a run only dispatches.
    private func queuedSeason(_ scratch: TemporaryDirectory, count: Int, configuration: String) throws -> String {
        let path = scratch.file("t.db")
        let database = try Database(path: path)
        try Migrator.tournee.migrate(database, at: PlanFixture.importedAt)
        try PlanFixture.importPlan(
            text: PlanFixture.synthetic(count: count), file: "synthetic.json", into: database, at: PlanFixture.importedAt)
        try database.close()
        let closedPort = try LoopbackPort.free()
        let result = try DaemonProcess.run(
            [
                "--config", configuration, "--once", "--now", Self.importInstant,
                "--transport", "smtp://127.0.0.1:\(closedPort)",
            ], scratch: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        let check = try Database(path: path)
        #expect(try OutboxStore(check).countsByStatus().first { $0.status == .queued }?.count == count)
        return path
    }

    @Test func theRelayDownThenBackGetsEverythingInOrder() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let server = try SMTPCatcher(in: scratch.path)
        let configuration = try TestConfiguration.write(in: scratch, port: server.port)
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(["--config", configuration, "--now", Self.importInstant], scratch: scratch)
        #expect(DaemonProcess.waitUntil(seconds: 10) { daemon.stderr.contains("dispatch paused") })
        usleep(1_500_000)
        try server.start()
        defer { server.stop() }
        #expect(DaemonProcess.waitUntil(seconds: 20) { server.delivered().count >= 3 })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(seconds: 10))
        #expect(daemon.process.terminationStatus == 0)
        #expect(
            try server.deliveredMessageIDs()
                == [ReminderSchedulerTests.e1, ReminderSchedulerTests.e2, ReminderSchedulerTests.e3]
                .map { "<\($0).demande-accord.s0@guinguette.example.org>" })
        #expect(daemon.stderr.contains("warning transport unavailable, will retry id=1"))
    }

    @Test func aRefusedRecipientIsParkedAndReportedWhileOthersGoOn() throws {
        let world = try MailWorld(reject: ["mairie@landricourt.example.org"])
        defer { world.close() }
        let scratch = world.scratch
        try PlanFixture.database(at: scratch.file("t.db"))
        let result = try DaemonProcess.run(["--config", world.configuration, "--once", "--now", Self.importInstant], scratch: scratch)
        #expect(result.status == 0)
        #expect(
            result.stderr.contains("error message parked id=1 event=\(ReminderSchedulerTests.e1) rule=demande-accord attempts=1 error="))
        #expect(
            try world.server.deliveredMessageIDs()
                == [ReminderSchedulerTests.e2, ReminderSchedulerTests.e3]
                .map { "<\($0).demande-accord.s0@guinguette.example.org>" })
        let parked = try OutboxStore(try Database(path: scratch.file("t.db"))).list(statuses: [.parked])
        #expect(parked.map(\.eventID) == [ReminderSchedulerTests.e1])
        #expect(parked.first?.lastError?.contains("550") == true)
    }

    @Test func aDeferredRecipientIsRetriedWithBackoffThenParked() throws {
        let world = try MailWorld(maxAttempts: 3, defer: ["mairie@landricourt.example.org"])
        defer { world.close() }
        let scratch = world.scratch
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(["--config", world.configuration, "--now", Self.importInstant], scratch: scratch)
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(DaemonProcess.waitUntil(seconds: 20) { daemon.stderr.contains("error message parked id=1") })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(seconds: 10))
        let lines = daemon.stderr.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("warning message deferred, will retry id=1 ") }.count == 2)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "error message parked id=1 event=\(ReminderSchedulerTests.e1) rule=demande-accord attempts=3 error=\"3 tentatives : échec temporaire à l'étape RCPT TO"
                )
            })
        #expect(
            try world.server.deliveredMessageIDs()
                == [ReminderSchedulerTests.e2, ReminderSchedulerTests.e3]
                .map { "<\($0).demande-accord.s0@guinguette.example.org>" })
    }

    @Test func sigtermFinishesTheMessageInFlightAndExitsZero() throws {
        let world = try MailWorld()
        defer { world.close() }
        let scratch = world.scratch
        let server = world.server
        let configuration = world.configuration
        let path = try queuedSeason(scratch, count: 300, configuration: configuration)
        let daemon = try DaemonProcess(["--config", configuration, "--now", Self.importInstant], scratch: scratch)
        #expect(DaemonProcess.waitUntil(seconds: 20) { server.delivered().count >= 20 })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(seconds: 10))
        #expect(daemon.process.terminationStatus == 0, "\(daemon.stderr)")
        let outbox = OutboxStore(try Database(path: path))
        let counts = Dictionary(uniqueKeysWithValues: try outbox.countsByStatus().map { ($0.status, $0.count) })
        #expect(counts[.sending] == 0)
        #expect(counts[.sent] == server.delivered().count)
        #expect(counts[.sent]! < 300, "the stop came after the whole dispatch; use more messages")
        #expect(daemon.stderr.contains("info stop requested signal=TERM"))
    }

    @Test func sigkillAtRandomPointsLosesNothingAndRepeatsOnlyTheMessageInFlight() throws {
        let world = try MailWorld()
        defer { world.close() }
        let scratch = world.scratch
        let server = world.server
        let configuration = world.configuration
        // Enough messages that 50 short runs never drain the outbox, however fast the machine.
        let total = 2_000
        let path = try queuedSeason(scratch, count: total, configuration: configuration)
        var generator = SplitMix64(seed: 2027)
        var kills = 0
        var killedWhileSending = 0
        var recovered: [Int64: Int] = [:]
        // Until 50 kills have interrupted a dispatch. Each kill waits for the run's first delivery
        // and then a random few milliseconds, so it lands mid-dispatch however loaded the machine
        // is (a fixed delay from the start landed before the first message under load).
        while killedWhileSending < 50 && kills < 300 && server.delivered().count < total {
            let before = server.delivered().count
            let daemon = try DaemonProcess(["--config", configuration, "--now", Self.importInstant], scratch: scratch)
            _ = DaemonProcess.waitUntil(seconds: 30) { server.delivered().count > before }
            usleep(UInt32(generator.next() % 40_000))
            daemon.signal(SIGKILL)
            #expect(daemon.waitForExit(seconds: 10))
            kills += 1
            if server.delivered().count > before { killedWhileSending += 1 }
            for line in daemon.stderr.split(separator: "\n") where line.contains("message in flight at the last stop queued again") {
                if let id = line.split(separator: " ").last?.split(separator: "=").last.flatMap({ Int64($0) }) {
                    recovered[id, default: 0] += 1
                }
            }
        }
        let finish = try DaemonProcess.run(["--config", configuration, "--once", "--now", Self.importInstant], scratch: scratch)
        #expect(finish.status == 0)
        for line in finish.stderr.split(separator: "\n") where line.contains("message in flight at the last stop queued again") {
            if let id = line.split(separator: " ").last?.split(separator: "=").last.flatMap({ Int64($0) }) {
                recovered[id, default: 0] += 1
            }
        }
        let outbox = OutboxStore(try Database(path: path))
        let entries = try outbox.list()
        #expect(entries.allSatisfy { $0.status == .sent })
        let tokenOf = Dictionary(
            uniqueKeysWithValues: entries.map {
                (
                    $0.id,
                    "<\(ReminderComposer.messageToken(eventID: $0.eventID, rule: $0.rule, version: $0.eventVersion))@guinguette.example.org>"
                )
            })
        let delivered = try server.deliveredMessageIDs()
        #expect(Set(delivered) == Set(tokenOf.values), "every queued message arrives")
        var seen: [String: Int] = [:]
        for id in delivered { seen[id, default: 0] += 1 }
        // A message goes out once more each time a kill caught it between the relay's acceptance
        // and the commit of `markSent` (the next start recovers it in flight); never otherwise.
        var recoveries: [String: Int] = [:]
        for (id, count) in recovered { if let token = tokenOf[id] { recoveries[token, default: 0] += count } }
        for (token, count) in seen.sorted(by: { $0.key < $1.key }) where count > 1 {
            #expect(count - 1 <= recoveries[token, default: 0], "\(token) arrived \(count) times")
        }
        #expect(killedWhileSending >= 50, "only \(killedWhileSending) of \(kills) kills hit a dispatch before all \(total) messages left")
        print(
            "SIGKILL: kills=\(kills) during-dispatch=\(killedWhileSending) messages=\(total) delivered=\(delivered.count) duplicates=\(delivered.count - seen.count) recovered-in-flight=\(recovered.values.reduce(0, +))"
        )
    }

    @Test func sighupReloadsAndABadConfigurationKeepsTheOldOne() throws {
        let world = try MailWorld(tickSeconds: 3_600)
        defer { world.close() }
        let scratch = world.scratch
        let server = world.server
        let configuration = world.configuration
        try PlanFixture.database(at: scratch.file("t.db"))
        let daemon = try DaemonProcess(["--config", configuration, "--now", Self.importInstant], scratch: scratch)
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        #expect(DaemonProcess.waitUntil(seconds: 10) { server.delivered().count == 3 })
        let good = try String(contentsOfFile: configuration, encoding: .utf8)
        try "{\"database\": ".write(toFile: configuration, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(DaemonProcess.waitUntil(seconds: 10) { daemon.stderr.contains("error configuration refused, keeping the previous one") })
        // Still working with the old configuration: a change made by `tournee` is mailed at once.
        let database = try Database(path: scratch.file("t.db"))
        try EventStore(database).cancel(
            id: ReminderSchedulerTests.e3, reason: "travaux", actor: "test",
            at: Fixtures.instant("2027-03-01T08:59:00Z"))
        try database.close()
        // The mairie's notice and the team's.
        #expect(DaemonProcess.waitUntil(seconds: 10) { server.delivered().count == 5 })
        try good.write(toFile: configuration, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(DaemonProcess.waitUntil(seconds: 10) { daemon.stderr.contains("info configuration reloaded") })
        daemon.signal(SIGTERM)
        #expect(daemon.waitForExit(seconds: 10))
        #expect(daemon.process.terminationStatus == 0)
        #expect(
            try server.deliveredMessageIDs().suffix(2) == [
                "<\(ReminderSchedulerTests.e3).annulation.s0@guinguette.example.org>",
                "<\(ReminderSchedulerTests.e3).annulation-equipe.s0@guinguette.example.org>",
            ])
    }

    @Test func missingOrCorruptConfigurationsAreRefusedClearly() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        var result = try DaemonProcess.run(["--config", scratch.file("absent.json")], scratch: scratch)
        #expect(result.status == 78)
        #expect(
            result.stderr == "error configuration refused error=\"\(scratch.file("absent.json")) : lecture impossible : fichier absent\"\n")
        let broken = scratch.file("broken.json")
        try "{\n  \"database\": \"t.db\",\n  \"transport\": \n}\n".write(toFile: broken, atomically: true, encoding: .utf8)
        result = try DaemonProcess.run(["--config", broken], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.hasPrefix("error configuration refused error=\"\(broken):4 : JSON invalide"))
        let configuration = try TestConfiguration.write(in: scratch, port: 25)
        let text = try String(contentsOfFile: configuration, encoding: .utf8)
        try text.replacingOccurrences(of: "\"pollSeconds\": 1", with: "\"pollSeconds\": \"1\"")
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        result = try DaemonProcess.run(["--config", configuration], scratch: scratch)
        #expect(result.status == 78)
        #expect(
            result.stderr
                == "error configuration refused error=\"\(configuration):14 : clé « pollSeconds » : attendu : un nombre entier ; trouvé : « 1 »\"\n"
        )
        // A template with an unknown field stops the start, naming file, line and field.
        let templates = scratch.file("templates")
        try FileManager.default.copyItem(atPath: PlanFixture.configFolder + "/templates", toPath: templates)
        try "Objet : {commune}\n\nBonjour {nom_du_maire},\n".write(
            toFile: templates + "/rappel-veille.txt", atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "\(PlanFixture.configFolder)/templates", with: templates)
            .write(toFile: configuration, atomically: true, encoding: .utf8)
        result = try DaemonProcess.run(["--config", configuration], scratch: scratch)
        #expect(result.status == 78)
        #expect(
            result.stderr.hasPrefix(
                "error configuration refused error=\"\(templates)/rappel-veille.txt:3 : clé « {nom_du_maire} » : champ inconnu"))
        result = try DaemonProcess.run(["--config", configuration, "--now", "demain"], scratch: scratch)
        #expect(result.status == 64)
        #expect(
            result.stderr.hasPrefix(
                "error tourneed: --now : instant ISO 8601 attendu (ex. 2027-05-08T09:00:00+02:00), trouvé « demain »\nusage : tourneed --config FICHIER"
            ))
        #expect(try DaemonProcess.run(["--help"], scratch: scratch).status == 0)
    }

    @Test func theSMTPPasswordComesFromAPrivateFileAndIsNeverLogged() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let server = try SMTPCatcher(in: scratch.path, auth: "tournee:s3cret-Guinguette")
        try server.start()
        defer { server.stop() }
        let secret = scratch.file("smtp-password")
        try "s3cret-Guinguette\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret)
        let configuration = try TestConfiguration.write(in: scratch, port: server.port, user: "tournee", passwordFile: "smtp-password")
        try PlanFixture.database(at: scratch.file("t.db"))
        var result = try DaemonProcess.run(["--config", configuration, "--once", "--now", Self.importInstant], scratch: scratch)
        #expect(result.status == 78)
        #expect(result.stderr.contains("mode 0644 ouvert au groupe ou aux autres ; faire chmod 600 \(secret)"))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
        result = try DaemonProcess.run(["--config", configuration, "--once", "--now", Self.importInstant], scratch: scratch)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.delivered().count == 3)
        #expect(!result.stderr.contains("s3cret"))
    }

    @Test func aSecondInstanceOnTheSameDatabaseExits75() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (first, configuration) = try DaemonProcess.firstInstance(in: scratch, now: Self.importInstant)
        defer { first.signal(SIGKILL) }
        let second = try DaemonProcess.run(["--config", configuration, "--now", Self.importInstant], scratch: scratch)
        #expect(second.status == 75)
        #expect(
            second.stderr
                == "error tourneed: une autre instance de tourneed tourne déjà sur cette base (pid \(first.process.processIdentifier)) : \(scratch.file("t.db")) est verrouillée (le même fichier, quel que soit le chemin ou le lien qui y mène) database=\(scratch.file("t.db"))\n"
        )
    }
}
