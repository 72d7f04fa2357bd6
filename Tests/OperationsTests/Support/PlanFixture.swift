import CivilTime
import Foundation
import Operations
import Planning
import Store
import TestSupport

/// A plan file (the format `tournee plan` writes) imported into a fresh database as
/// `tournee schedule import` does it: read by `PlanImport` (Planning's one reader of `plan.json`)
/// and applied through the Store.
enum PlanFixture {
    /// The small season shipped with the tests: three evenings in May 2027.
    static let smallPlan = Repository.url("Tests/OperationsTests/Fixtures/plan-small.json").path

    /// The fixture instant the plan is imported at: 2027-03-01 08:00 UTC.
    static let importedAt: Int64 = 1_803_888_000

    /// Creates a migrated database at `path` and imports the plan at `importedAt`.
    @discardableResult
    static func database(at path: String, plan: String = smallPlan, importedAt: Int64 = importedAt) throws -> Database {
        let database = try Database(path: path)
        try Migrator.tournee.migrate(database, at: importedAt)
        try importPlan(text: String(contentsOfFile: plan, encoding: .utf8), file: plan, into: database, at: importedAt)
        return database
    }

    /// Imports a plan text (season, communes with their mairie contact, events) in one transaction.
    static func importPlan(text: String, file: String, into database: Database, at now: Int64) throws {
        _ = try PlanImport.parse(text, file: file).apply(
            to: database, options: PlanImport.Options(season: nil), directory: { try CommuneDirectory.loadShipped() }, actor: "test",
            at: now)
    }

    /// A migrated database at `path` holding shipped season `name` (`tours/NAME`) as
    /// `tournee schedule import` keeps it, with the evenings of its golden plan
    /// (`Tests/Fixtures/golden/plan-NAME.json`); returns the season loaded.
    static func keptSeason(_ name: String, at path: String, directory: CommuneDirectory) throws -> (Database, LoadedSeason) {
        let database = try Database(path: path)
        try Migrator.tournee.migrate(database, at: importedAt)
        let season = try SeasonLoader(directory: directory).read(folder: Repository.url("tours/\(name)"), displayPath: "tours/\(name)")
        let planPath = Repository.url("Tests/Fixtures/golden/plan-\(name).json").path
        _ = try PlanImport.parse(try String(contentsOfFile: planPath, encoding: .utf8), file: planPath).apply(
            to: database, options: PlanImport.Options(season: season), directory: { directory }, actor: "test", at: importedAt)
        return (database, season)
    }

    /// The repository's shipped configuration folder.
    static let configFolder = Repository.url("config").path
}

extension PlanFixture {
    /// A synthetic plan of `count` proposed evenings, one a day from 1 May 2027 at 18:30, in
    /// `count` communes whose mairies have distinct addresses: at import, `count` requests for
    /// agreement are due.
    static func synthetic(count: Int) -> String {
        let first = CivilDate(year: 2027, month: 5, day: 1)!
        let events = (0..<count).map { index -> String in
            let day = first.adding(days: index)
            let insee = "9" + CivilDate.digits(index, 4)
            return """
                {"id": "synthetic-\(insee)", "date": "\(day)", "start": "\(ParisTime.iso8601(on: day, at: LocalTime(hour: 18, minute: 30)!))",
                 "end": "\(ParisTime.iso8601(on: day, at: LocalTime(hour: 23, minute: 30)!))", "vehicle": "camion", "tour": "Synthétique",
                 "km": 10, "status": "proposed",
                 "commune": {"insee": "\(insee)", "name": "Village \(index)", "lat": 48.5, "lon": 4.8, "population": 100, "hasCafe": false,
                  "mairie": {"name": "Mairie \(index)", "email": "mairie\(index)@villages.example.org"}}}
                """
        }
        return """
            {"season": {"name": "Saison synthétique", "slug": "synthetic", "period": {"from": "2027-05-01", "to": "2099-12-31"},
              "timeZone": "Europe/Paris"},
             "events": [\(events.joined(separator: ",\n"))]}
            """
    }
}
