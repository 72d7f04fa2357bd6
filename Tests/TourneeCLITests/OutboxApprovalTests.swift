import Foundation
import TestSupport
import Testing

/// `"approval": "required"`: the real daemon decides the season's first wave and keeps it until a
/// planner approves it with `tournee outbox approve`; nothing leaves before, everything approved
/// leaves at the next round, and the preview says what still waits for approval.
struct OutboxApprovalTests {
    typealias World = ReplanCommandTests.World

    private static let approval = #""approval": "required""#

    private func delivered(_ world: World) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: world.mail.appendingPathComponent("new").path)) ?? []).count
    }

    private func waiting(_ world: World) throws -> [String] {
        try world.tournee(["outbox", "list", "--status", "awaiting-approval", "--db", world.database]).out
            .split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    }

    @Test func theFirstWaveWaitsForAPlannerAndLeavesOnceApproved() throws {
        let world = try World()
        defer { world.remove() }
        #expect(try world.importSeason())
        #expect(try world.daemon(at: "2027-03-01T10:00:00+01:00", extra: [Self.approval]) == 0)
        let decided = try waiting(world)
        #expect(decided.count > 3 && delivered(world) == 0, "nothing leaves before approval")

        let configuration = world.folder.appendingPathComponent("tourneed.json").path
        let preview = try world.tournee(
            ["outbox", "preview", "--days", "1", "--config", configuration, "--db", world.database], at: "2027-03-01T10:05:00+01:00")
        #expect(preview.status == 0 && preview.out.contains("demande-accord"), "\(preview.err)")
        #expect(preview.out.components(separatedBy: " · à approuver avant l'envoi").count - 1 == decided.count, "\(preview.out)")

        // A number that does not exist approves nothing: the planner retypes the list.
        let mistyped = try world.tournee(["outbox", "approve", decided[0], "999999", "--db", world.database])
        #expect(mistyped.status == 66 && mistyped.err.contains("aucun message 999999"), "\(mistyped.err)")
        #expect(try waiting(world) == decided)

        let two = try world.tournee(["outbox", "approve", decided[0], decided[1], "--by", "anne", "--db", world.database])
        #expect(two.status == 0 && two.out == "2 messages approuvés : ils partiront à leur heure\n", "\(two.err)")
        let again = try world.tournee(["outbox", "approve", decided[0], "--db", world.database])
        #expect(again.status == 65 && again.err.contains("awaiting-approval") == false, "\(again.err)")
        #expect(try world.daemon(at: "2027-03-01T10:10:00+01:00", extra: [Self.approval]) == 0)
        #expect(delivered(world) == 2)

        let unknown = try world.tournee(["outbox", "approve", "--all", "--season", "autre-saison", "--db", world.database])
        #expect(unknown.status == 65, "\(unknown.err)")
        let rest = try world.tournee([
            "outbox", "approve", "--all", "--season", "guinguette-2027", "--by", "claire", "--db", world.database,
        ])
        #expect(rest.out == "\(decided.count - 2) messages approuvés : ils partiront à leur heure\n", "\(rest.err)")
        #expect(try world.daemon(at: "2027-03-01T10:15:00+01:00", extra: [Self.approval]) == 0)
        let left = try waiting(world)
        #expect(delivered(world) == decided.count && left.isEmpty)

        // Who approved, and when, as an independent reader of the database sees it.
        let approvers = try PythonPeer.run(
            code: """
                import sqlite3, sys
                rows = sqlite3.connect(sys.argv[1]).execute("SELECT approved_by, count(*) FROM outbox GROUP BY approved_by ORDER BY approved_by").fetchall()
                print(rows)
                """, [world.database])
        #expect(approvers == "[('anne', 2), ('claire', \(decided.count - 2))]\n")
    }

    @Test(arguments: [
        (["outbox", "approve"], "approve demande les numéros des messages (voir tournee outbox list --status awaiting-approval) ou --all"),
        (
            ["outbox", "approve", "douze"],
            "approve demande les numéros des messages (voir tournee outbox list --status awaiting-approval) ou --all"
        ),
        (["outbox", "approve", "--all", "3"], "approve --all ne prend pas de numéro"),
        (["outbox", "retry", "3", "--season", "s"], "--season ne vaut que pour approve --all"),
        (["outbox", "cancel", "3", "--by", "anne"], "--by ne vaut que pour approve"),
        (["outbox", "cancel", "3", "4"], "cancel demande le numéro d'un message"),
    ])
    func aMistypedApprovalIsAUsageError(arguments: [String], message: String) throws {
        let world = try World()
        defer { world.remove() }
        let run = try world.tournee(arguments + ["--db", world.database])
        #expect(run.status == 64 && run.err.contains(message), "\(run.err)")
    }
}
