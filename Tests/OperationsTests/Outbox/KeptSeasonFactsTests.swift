import Foundation
import Planning
import TestSupport
import Testing
import TextFormats

@testable import Operations
@testable import Store

/// The facts a mairie needs come from the season the database keeps: the place of the communes
/// file, the arrival from the vehicle's set-up, the commune's share from the vehicle's needs.
struct KeptSeasonFactsTests {
    static let landricourt = "guinguette-2027-51315-printemps-1"

    /// The small plan imported with the shipped Guinguette season, as `tournee schedule import
    /// --season` keeps it.
    private func databaseKeepingTheSeason(in scratch: TemporaryDirectory) throws -> Database {
        let database = try Database(path: scratch.file("t.db"))
        try Migrator.tournee.migrate(database, at: PlanFixture.importedAt)
        let directory = try CommuneDirectory.loadShipped()
        let season = try SeasonLoader(directory: directory).read(
            folder: Repository.url("tours/guinguette-2027"), displayPath: "tours/guinguette-2027")
        _ = try PlanImport.parse(try String(contentsOfFile: PlanFixture.smallPlan, encoding: .utf8), file: PlanFixture.smallPlan)
            .apply(
                to: database, options: PlanImport.Options(season: season), directory: { directory }, actor: "test",
                at: PlanFixture.importedAt)
        return database
    }

    @Test func theJ7ToldTheMairieWhereWhenTheTeamArrivesAndWhatToProvide() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try databaseKeepingTheSeason(in: scratch)
        try EventStore(database).confirm(id: Self.landricourt, reason: "accord", actor: "test", at: PlanFixture.importedAt + 60)
        let scheduler = ReminderScheduler(
            policy: try Fixtures.shippedPolicy(), composer: try Fixtures.composer(),
            seasons: KeptSeasonFacts(directory: { try CommuneDirectory.loadShipped() }))
        let report = try scheduler.tick(database, at: Fixtures.instant("2027-05-08T07:00:00Z"))
        #expect(report.failures.isEmpty)
        let entry = try #require(try OutboxStore(database).list(statuses: [.queued]).first { $0.rule == "j-7" })
        let message = try #require(try OutboxStore(database).message(id: entry.id))
        let body = try #require(try ParsedMessage.parse(message.message, calendar: true).body)
        // Landricourt's place in tours/guinguette-2027/communes.csv; the van needs 90 minutes.
        #expect(body.contains("- lieu : salle des fêtes ;\n- arrivée de l'équipe vers 17 h ;\n"), "\(body)")
        #expect(body.contains("sans frais pour elle : " + CommuneProvisions.guinguette.joined(separator: " ; ") + " ;\n"))
        #expect(!body.contains("Prise 32 A"), "the planner's notes are not the mairie's")
    }

    @Test func aDatabaseWithoutItsSeasonGivesAnEmptySetting() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try PlanFixture.database(at: scratch.file("t.db"))
        let event = try #require(try EventStore(database).event(id: Self.landricourt))
        let facts = KeptSeasonFacts(directory: { throw SeasonError(issues: []) })
        #expect(try facts.setting(of: event, in: database) == EveningSetting())
    }

    @Test func aKeptSeasonThatCannotBeReadStopsItsMessagesWithTheReason() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-ops")
        defer { scratch.remove() }
        let database = try databaseKeepingTheSeason(in: scratch)
        let event = try #require(try EventStore(database).event(id: Self.landricourt))
        let missing = FileIssue(.error, file: "communes-fr.csv", line: nil, key: nil, message: "fichier national introuvable")
        let facts = KeptSeasonFacts(directory: { throw SeasonError(issues: [missing]) })
        #expect(throws: ReminderError.seasonUnreadable(eventID: Self.landricourt, reason: missing.description)) {
            try facts.setting(of: event, in: database)
        }
    }
}
