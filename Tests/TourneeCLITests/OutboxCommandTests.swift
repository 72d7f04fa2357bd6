import CommandLineSupport
import Foundation
import Store
import TestSupport
import Testing
import TourneeCLI

struct OutboxCommandTests {
    /// A database with one event and two messages: #1 queued, #2 parked after a 550.
    private func database() throws -> String {
        let path = NSTemporaryDirectory() + "tournee-outbox-\(UUID().uuidString).db"
        let database = try Database(path: path)
        try Migrator.tournee.migrate(database, at: 1_800_000_000)
        try SeasonStore(database).save(SeasonRecord(id: "g2027", name: "Guinguette 2027", firstDate: "2027-05-01", lastDate: "2027-09-30"))
        try CommuneStore(database).save(
            CommuneRecord(insee: "51315", name: "Landricourt", latitude: 48.6, longitude: 4.8, population: 130, hasCafe: false))
        let slot = EventSlot(date: "2027-05-15", localStart: "18:30", localEnd: "23:30", startsAt: 1_810_398_600, endsAt: 1_810_416_600)
        try EventStore(database).importPlan(
            [PlannedEventRecord(id: "e1", seasonID: "g2027", insee: "51315", slot: slot, vehicle: "camion", tour: nil, km: 3)],
            seasonID: "g2027", reason: "plan", actor: "test", at: 1_800_000_000)
        let outbox = OutboxStore(database)
        for rule in ["j-7", "j-1"] {
            try outbox.enqueueIfAbsent(
                NewOutboxMessage(
                    eventID: "e1", rule: rule, eventVersion: 0, recipients: ["mairie@landricourt.example.org"], subject: "Rappel \(rule)",
                    message: Array("Subject: Rappel \(rule)\r\n\r\nBonjour\r\n".utf8), notBefore: 1_800_000_000, expiresAt: 1_810_398_600),
                at: 1_800_000_000)
        }
        try outbox.park(id: 2, error: "échec définitif à l'étape RCPT TO : 550 5.1.1 unknown")
        try database.close()
        return path
    }

    @Test func listShowsOneLinePerMessageInParisTime() throws {
        let path = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = TourneeRun(["outbox", "list", "--db", path])
        #expect(run.status == .success)
        #expect(
            run.out == """
                1\tqueued\te1\tj-7\ts0\t0\t2027-01-15T09:00:00+01:00\tRappel j-7
                2\tparked\te1\tj-1\ts0\t0\t2027-01-15T09:00:00+01:00\tRappel j-1

                """)
        #expect(TourneeRun(["outbox", "list", "--db", path, "--status", "parked"]).out.hasPrefix("2\tparked"))
        let json = TourneeRun(["outbox", "list", "--db", path, "--json"])
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["status"] as? String } == ["queued", "parked"])
        #expect(decoded[1]["lastError"] as? String == "échec définitif à l'étape RCPT TO : 550 5.1.1 unknown")
        #expect(decoded[0]["sentAt"] is NSNull)
    }

    @Test func showRetryAndCancelActOnOneMessage() throws {
        let path = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let show = TourneeRun(["outbox", "show", "2", "--db", path])
        #expect(show.status == .success)
        #expect(show.out.contains("statut : parked\n"))
        #expect(show.out.contains("dernière erreur : échec définitif à l'étape RCPT TO : 550 5.1.1 unknown\n"))
        #expect(show.out.hasSuffix("Subject: Rappel j-1\n\nBonjour\n"))
        #expect(
            TourneeRun(["outbox", "retry", "2", "--db", path]).out == "message 2 remis en file, envoi au prochain passage de tourneed\n")
        #expect(TourneeRun(["outbox", "cancel", "1", "--db", path]).out == "message 1 retiré\n")
        #expect(
            TourneeRun(["outbox", "list", "--db", path]).out.split(separator: "\n").map { $0.split(separator: "\t")[1] } == [
                "cancelled", "queued",
            ])
        let again = TourneeRun(["outbox", "retry", "2", "--db", path])
        #expect(again.status == .dataError)
        #expect(again.err == "tournee: outbox : le message 2 est queued : action impossible dans cet état\n")
        let missing = TourneeRun(["outbox", "show", "99", "--db", path])
        #expect(missing.status == .noInput)
        #expect(missing.err == "tournee: outbox : aucun message 99\n")
    }

    /// After the relay's password is fixed: every parked message back in the queue at once.
    @Test func retryAllTakesEveryMessageOfTheStatusesGiven() throws {
        let path = try database()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let database = try Database(path: path)
        try OutboxStore(database).park(id: 1, error: "échec définitif à l'étape AUTH : 535")
        try database.close()
        let run = TourneeRun(["outbox", "retry", "--all", "--status", "parked", "--db", path])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out == "2 messages remis en file, envoi au prochain passage de tourneed\n")
        #expect(TourneeRun(["outbox", "list", "--status", "queued", "--db", path]).out.split(separator: "\n").count == 2)
        #expect(TourneeRun(["outbox", "retry", "--all", "--status", "parked", "--db", path]).out.hasPrefix("0 messages remis en file"))
        for bad in [["--all"], ["--all", "--status", "queued"], ["--all", "--status", "parked", "2"]] {
            let refused = TourneeRun(["outbox", "retry"] + bad + ["--db", path])
            #expect(refused.status == .usage, "\(bad)")
        }
        #expect(TourneeRun(["outbox", "retry", "--all", "--status", "parked", "--db", path]).err.isEmpty)
        #expect(
            TourneeRun(["outbox", "retry", "--all", "--status", "queued", "--db", path]).err.contains(
                "retry --all demande --status parmi parked"))
    }

    @Test func badUsesAreUsageErrors() {
        #expect(
            TourneeRun(["outbox", "resend", "1"]).err.hasPrefix(
                "tournee: outbox : action inconnue « resend » : list, show, retry, cancel, approve ou preview\n"))
        #expect(TourneeRun(["outbox", "show"]).status == .usage)
        for (bad, said) in [
            (["preview", "--days", "0"], "--days : « 0 » ; attendu un nombre de jours de 1 à 366"),
            (["preview", "--from", "2027-13-01"], "--from : « 2027-13-01 » ; attendu une date AAAA-MM-JJ"),
            (["preview", "3"], "preview ne prend pas de numéro"), (["list", "--days", "3"], "--days et --from ne valent que pour preview"),
            (["preview", "--json"], "--json, --status et --all ne valent pas pour preview"),
        ] {
            let refused = TourneeRun(["outbox"] + bad + ["--db", "x.db"])
            #expect(refused.status == .usage && refused.err.hasPrefix("tournee: outbox : \(said)"), "\(bad): \(refused.err)")
        }
        let unconfigured = TourneeRun(["outbox", "preview", "--db", "x.db", "--config", "absent.json"])
        #expect(unconfigured.status != .success && !unconfigured.err.isEmpty)
        #expect(
            TourneeRun(["outbox", "list", "--status", "lost", "--db", "x.db"]).err.hasPrefix(
                "tournee: outbox : --status : statut inconnu « lost »"))
        let nowhere = TourneeRun(["outbox", "list"], in: URL(fileURLWithPath: NSTemporaryDirectory()))
        #expect(nowhere.status == .usage)
        #expect(
            nowhere.err
                == "tournee: aucune base indiquée : donnez --db FICHIER, $TOURNEE_DB ou une configuration (config/tourneed.json) avec la clé « database »\n"
        )
    }
}
