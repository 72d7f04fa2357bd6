import Foundation
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

/// A planner on a phone-sized Chromium, against the real `tourneed` on 13 May 2023: confirms an
/// evening, moves another to a date the page offers, and applies a re-plan from the board; the
/// database shows each change with the planner's name in its history.
@Suite(.serialized, .enabled(if: Browser.shouldRun)) struct PlannerBrowserTests {
    struct Seen: Decodable {
        struct Map: Decodable {
            let circles: Int
            let legs: Int
            let numbered: Int
            let width: Double
        }

        let seasonsUrl: String
        let boardTitle: String
        let map: Map?
        let confirmed: String
        let moveChoices: [String]
        let moved: String
        let changes: String
        let appliedTitle: String
        let applied: String
    }

    @Test func aPlannerConfirmsMovesAndReplansFromTheBoard() throws {
        let world = try WebWorld(now: "2023-05-13T23:30:00+02:00")
        let shots = try Browser.screenshots("planificateur")
        let confirm = "guinguette-2023-51315-4"
        let move = "guinguette-2023-52169-7"
        let live = try {
            let database = try world.open()
            defer { try? database.close() }
            return try EventStore(database).events(seasonID: "guinguette-2023", statuses: [.proposed, .confirmed, .done]).count
        }()
        let seen = try Browser.serially {
            try PythonPeer.json(
                Seen.self, "browser_planner.py",
                [world.baseURL, "anne", WebWorld.password, "La Guinguette mobile 2023", confirm, move, shots.path])
        }
        #expect(seen.seasonsUrl == world.baseURL + "/saisons")
        #expect(seen.boardTitle == "La Guinguette mobile 2023")
        // The board's map: the season's 15 communes, the van's spokes, the live evenings
        // numbered, within the phone's width.
        let map = try #require(seen.map)
        #expect(map.circles == 15 && map.legs > 0 && map.width <= 390, "\(map)")
        #expect(map.numbered > 0 && map.numbered <= live, "\(map) / \(live)")
        #expect(seen.confirmed.hasPrefix("Confirmée : samedi 20 mai 2023"), "\(seen.confirmed)")
        #expect(!seen.moveChoices.isEmpty && !seen.moveChoices.contains("2023-06-16"))
        #expect(seen.moveChoices.allSatisfy { $0 > "2023-05-13" }, "\(seen.moveChoices)")
        #expect(seen.changes.contains("Bilan : ") && seen.changes.contains("Nouveau plan : "), "\(seen.changes)")
        #expect(seen.appliedTitle == "Replanification appliquée", "\(seen.applied)")

        let database = try world.open()
        defer { try? database.close() }
        let events = EventStore(database)
        let confirmed = try #require(try events.event(id: confirm))
        #expect(confirmed.status == .confirmed)
        #expect(try events.history(eventID: confirm).last { $0.kind == .confirmed }?.actor == "anne")
        let history = try events.history(eventID: move)
        let movedChange = try #require(history.first { $0.kind == .moved })
        #expect(movedChange.actor == "anne" && movedChange.reason == "fête du village ce soir-là")
        #expect(movedChange.newDate.description == seen.moveChoices[0])
        // The re-plan keeps the planner's reason in the history of what it changed.
        let replanned = try events.events(seasonID: "guinguette-2023").flatMap { try events.history(eventID: $0.id) }.filter {
            $0.kind == .replanned || $0.kind == .withdrawn
        }
        #expect(
            replanned.allSatisfy { $0.actor == "anne" && $0.reason.hasPrefix("replanification (Domblain a changé de date) : ") },
            "\(replanned)")
        // The running daemon tells the mairie, which had the request for that date, of its new one.
        #expect(
            try DaemonProcess.waitUntil(seconds: 30) {
                try OutboxStore(database).list().contains { $0.eventID == move && $0.rule == "nouvelle-date" }
            })
        // The move kept every rule of the kept season: the audit finds nothing new.
        #expect(try SeasonAudit.run(database, seasonID: "guinguette-2023", season: nil, written: []).breaches.isEmpty)
        for name in ["saisons", "tableau", "deplacer", "replanifier"] {
            #expect(try FileManager.default.contentsOfDirectory(atPath: shots.path).contains { $0.hasSuffix("-\(name).png") }, "\(name)")
        }
    }
}
