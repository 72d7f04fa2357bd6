import CivilTime
import Foundation
import Planning
import SeasonVocabulary
import Store
import TestSupport
import Testing

@testable import Operations

/// The shipped 2027 season and its golden plan imported through `PlanImport` with the season
/// kept; each change is checked against the kept season's rules in its own transaction.
struct EventLifecycleTests {
    static let folder = "tours/guinguette-2027"
    static let shipped = Result { () throws(SeasonError) in try CommuneDirectory.loadShipped() }
    static func directory() throws -> CommuneDirectory { try shipped.get() }
    static let landricourt = "guinguette-2027-51315-1"

    static func imported(_ scratch: TemporaryDirectory) throws -> (Database, LoadedSeason) {
        let loaded = try SeasonLoader(directory: try directory()).read(
            folder: Repository.url(folder), displayPath: folder)
        let database = try Database(path: scratch.file("t.db"))
        try Migrator.tournee.migrate(database, at: PlanFixture.importedAt)
        let plan = try String(
            contentsOf: Repository.url("Tests/Fixtures/golden/plan-guinguette-2027.json"), encoding: .utf8)
        let outcome = try PlanImport.parse(plan, file: "plan.json").apply(
            to: database, options: PlanImport.Options(season: loaded), directory: directory, actor: "test", at: PlanFixture.importedAt)
        #expect(outcome.summary.inserted.count == 24)
        #expect(outcome.keptSeason?.files.map(\.name) == ["season.json", "vacances-scolaires.csv", "communes.csv"])
        return (database, loaded)
    }

    @Test func theImportedPlanKeepsEveryRuleOfTheKeptSeason() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (database, loaded) = try Self.imported(scratch)
        let kept = try #require(try StoredSeason.load(seasonID: "guinguette-2027", from: database, directory: Self.directory))
        #expect(kept.slug == loaded.season.slug)
        #expect(kept.communes.map(\.insee) == loaded.season.communes.map(\.insee))
        let audit = try SeasonAudit.run(database, seasonID: "guinguette-2027", season: kept)
        #expect(audit.isSeasonKept)
        #expect(audit.breaches.isEmpty)
        #expect(audit.accepted.isEmpty)
    }

    /// Every refused change leaves the database as it was; a forced one is an exception.
    @Test func aMoveOntoABookedEveningIsRefusedThenAccepted() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (database, _) = try Self.imported(scratch)
        let lifecycle = EventLifecycle(database, directory: Self.directory)
        let events = EventStore(database)
        let landricourt = try #require(try events.event(id: Self.landricourt))
        let tourmate = try #require(
            try events.events().first {
                $0.planned.tour == landricourt.planned.tour && $0.id != landricourt.id
                    && abs($0.planned.slot.date.days(to: landricourt.planned.slot.date)) < 30
            })
        let error = try #require(throws: LifecycleError.self) {
            try lifecycle.move(
                id: landricourt.id, date: tourmate.planned.slot.date, start: nil, end: nil, reason: "essai", force: false, actor: "a", at: 1
            )
        }
        guard case .rulesBroken(let breaches) = error else {
            Issue.record("\(error)")
            return
        }
        #expect(breaches.map(\.rule).contains(.oneEveningPerVehicle))
        #expect(breaches.allSatisfy { $0.eventIDs.contains(landricourt.id) })
        #expect(try events.event(id: landricourt.id) == landricourt)
        let forced = try lifecycle.move(
            id: landricourt.id, date: tourmate.planned.slot.date, start: nil, end: nil, reason: "deux scènes", force: true, actor: "a",
            at: 2)
        #expect(forced.accepted.map(\.key) == breaches.map(\.key))
        let audit = try SeasonAudit.run(
            database, seasonID: "guinguette-2027",
            season: try StoredSeason.load(seasonID: "guinguette-2027", from: database, directory: Self.directory))
        #expect(audit.breaches.isEmpty)
        #expect(audit.accepted.map(\.exception.reason) == breaches.map { _ in "deux scènes" })
        // Calling off one of the two evenings leaves nothing to accept.
        _ = try lifecycle.cancel(id: tourmate.id, reason: "pluie", actor: "a", at: 3)
        let after = try SeasonAudit.run(
            database, seasonID: "guinguette-2027",
            season: try StoredSeason.load(seasonID: "guinguette-2027", from: database, directory: Self.directory))
        #expect(after.breaches.isEmpty)
        #expect(!after.accepted.contains { $0.breach.rule == .oneEveningPerVehicle })
    }

    @Test func aMoveOutsideTheSeasonOrToAnEmptyEveningIsRefused() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let (database, _) = try Self.imported(scratch)
        let lifecycle = EventLifecycle(database, directory: Self.directory)
        #expect {
            try lifecycle.move(id: Self.landricourt, date: "2027-10-01", start: nil, end: nil, reason: "r", force: true, actor: "a", at: 1)
        } throws: { error in
            guard case LifecycleError.outsideSeason(let date, let season) = error else { return false }
            return date == "2027-10-01" && season.id == "guinguette-2027"
        }
        #expect {
            try lifecycle.move(id: Self.landricourt, date: nil, start: "18:30", end: "18:30", reason: "r", force: false, actor: "a", at: 1)
        } throws: { error in
            if case LifecycleError.emptyEvening = error { return true }
            return false
        }
        #expect(throws: StoreError.eventNotFound(id: "nope")) {
            try lifecycle.confirm(id: "nope", reason: "r", force: false, actor: "a", at: 1)
        }
    }
}
