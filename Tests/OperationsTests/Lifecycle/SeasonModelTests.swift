import CivilTime
import Foundation
import Planning
import SeasonVocabulary
import Store
import TestSupport
import Testing

@testable import Operations

/// Random sequences of the commands of a season's life (confirm, cancel, decline, move,
/// re-plan, import, record), driven against the Operations and Store API on a small season: after
/// each step a checker written here, from the season's text alone, finds every live evening
/// within the rules, and a refused command changed nothing. A failure names its seed and step.
struct SeasonModelTests {
    /// The season: one van, one tour in May 2027 (Thursdays to Saturdays, public holidays
    /// avoided), five communes of one or two visits, a week between two visits.
    static let seasonJSON = """
        {
          "name": "Modèle 2027",
          "period": { "from": "2027-05-01", "to": "2027-05-31" },
          "evenings": { "weekdays": ["jeudi", "vendredi", "samedi"], "start": "18:30", "end": "23:30", "publicHolidays": "avoid", "alsaceMoselle": false },
          "tours": [{ "name": "Mai", "from": "2027-05-01", "to": "2027-05-31", "evenings": 6, "vehicle": "camion" }],
          "vehicles": [{
            "id": "camion", "name": "le camion", "base": { "insee": "52448", "name": "Saint-Dizier" },
            "speedKmh": 55, "costPerKm": 0.38, "co2KgPerKm": 0.27, "maxKmPerEvening": 120, "setupMinutes": 90, "travel": "returnToBase"
          }],
          "communesFile": "communes.csv",
          "minDaysBetweenVisits": 7,
          "seed": 7,
          "distances": { "detourFactor": 1.3 }
        }
        """
    static let communesCSV = """
        insee,name,population,lat,lon,has_cafe,mairie_name,mairie_email,weekdays,unavailable,preferred,min_visits,max_visits,tours,notes
        51008,Ambrières,,,,non,Mairie,mairie@ambrieres.example.org,,,,1,2,,
        51144,Cheminon,,,,oui,Mairie,mairie@cheminon.example.org,,,,1,1,,
        51286,Hauteville,,,,non,Mairie,mairie@hauteville.example.org,,,,1,2,,
        51654,Vouillers,,,,non,Mairie,mairie@vouillers.example.org,,,,1,2,,
        52391,Planrupt,,,,non,Mairie,mairie@planrupt.example.org,,,,1,2,,

        """
    static let slug = "modele-2027"
    /// The visits each commune accepts at most, as `communes.csv` says.
    static let maxVisits = ["51008": 2, "51144": 1, "51286": 2, "51654": 2, "52391": 2]
    static let minimumGap = 7

    /// The evenings the season allows, worked out by hand: the Thursdays, Fridays and Saturdays
    /// of May 2027 but 1 and 8 May (Saturdays, public holidays) and 6 May (Ascension: Easter
    /// 2027 is 28 March).
    static let allowedDates: Set<String> = [
        "2027-05-07", "2027-05-13", "2027-05-14", "2027-05-15", "2027-05-20", "2027-05-21", "2027-05-22", "2027-05-27",
        "2027-05-28", "2027-05-29",
    ]

    /// The season, its first plan and a database holding it, made once in a test's folder.
    struct Template {
        let loaded: LoadedSeason
        let planText: String
        let database: String
    }

    static func template(in folder: TemporaryDirectory) throws -> Template {
        let seasonFolder = folder.url.appendingPathComponent(slug)
        try FileManager.default.createDirectory(at: seasonFolder, withIntermediateDirectories: true)
        try seasonJSON.write(to: seasonFolder.appendingPathComponent("season.json"), atomically: true, encoding: .utf8)
        try communesCSV.write(to: seasonFolder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)
        let loaded = try SeasonLoader(directory: try EventLifecycleTests.directory()).read(folder: seasonFolder, displayPath: slug)
        let plan = try Planner(iterations: 200).plan(loaded.season, seasonSlug: slug)
        let planText = PlanJSON.render(plan)
        let path = folder.file("template.db")
        let database = try Database(path: path)
        try Migrator.tournee.migrate(database, at: start)
        _ = try PlanImport.parse(planText, file: "plan.json").apply(
            to: database, options: PlanImport.Options(season: loaded), directory: EventLifecycleTests.directory, actor: "test", at: start)
        return Template(loaded: loaded, planText: planText, database: path)
    }

    /// 20 April 2027, 09:00 in Paris: the sequences start before the season and run into it.
    static let start = Fixtures.instant("2027-04-20T09:00:00+02:00")

    /// What the database holds of the season, to compare before and after a refused command.
    struct Snapshot: Equatable {
        let events: [Event]
        let histories: [Int]
        let records: Int
    }

    static func snapshot(_ database: Database) throws -> Snapshot {
        let events = try EventStore(database).events(seasonID: slug)
        return Snapshot(
            events: events, histories: try events.map { try EventStore(database).history(eventID: $0.id).count },
            records: try events.count { try RecordStore(database).record(eventID: $0.id) != nil })
    }

    /// The season's rules over the live evenings, checked from the season's text alone: the
    /// breaches, in words that name the evenings.
    static func breaches(_ events: [Event]) -> [String] {
        let live = events.filter { [.proposed, .confirmed, .done].contains($0.status) }
        let declined = Set(events.filter { $0.status == .declined }.map { "\($0.planned.insee)@\($0.planned.slot.date)" })
        var found: [String] = []
        var booked: [String: String] = [:]
        for event in live {
            let key = "\(event.planned.vehicle)@\(event.planned.slot.date)"
            if let other = booked[key] { found.append("\(event.id) and \(other) take \(key)") }
            booked[key] = event.id
            if event.planned.tour != "Mai" || event.planned.vehicle != "camion" || maxVisits[event.planned.insee] == nil
                || !allowedDates.contains(event.planned.slot.date.description)
            {
                found.append("\(event.id) on an evening the season does not allow: \(event.planned)")
            }
            if declined.contains("\(event.planned.insee)@\(event.planned.slot.date)") {
                found.append("\(event.id) on a date its commune declined")
            }
        }
        for (insee, visits) in Dictionary(grouping: live, by: \.planned.insee) {
            if visits.count > maxVisits[insee] ?? 0 { found.append("\(insee) has \(visits.count) live evenings") }
            let dates = visits.map(\.planned.slot.date).sorted()
            for (a, b) in zip(dates, dates.dropFirst()) where a.days(to: b) < minimumGap {
                found.append("\(insee) visited on \(a) and \(b)")
            }
        }
        return found
    }

    /// One random command on `database` at `now`; its name, for the failure message.
    static func step(_ random: inout SeededRandom, database: Database, template: Template, now: Int64) -> (String, Result<Void, Error>) {
        let events = (try? EventStore(database).events(seasonID: slug)) ?? []
        let id = events.isEmpty ? "inconnue" : events[random.below(events.count)].id
        let lifecycle = EventLifecycle(database, directory: EventLifecycleTests.directory)
        let actor = "modèle"
        switch random.below(8) {
        case 0:
            return ("confirm \(id)", Result { _ = try lifecycle.confirm(id: id, reason: "accord", force: false, actor: actor, at: now) })
        case 1:
            return ("cancel \(id)", Result { _ = try lifecycle.cancel(id: id, reason: "pluie", actor: actor, at: now) })
        case 2:
            return ("decline \(id)", Result { _ = try lifecycle.decline(id: id, reason: "salle prise", actor: actor, at: now) })
        case 3, 4:
            let date = CivilDate(iso: "2027-04-28")!.adding(days: random.below(40))
            return (
                "move \(id) to \(date)",
                Result {
                    _ = try lifecycle.move(id: id, date: date, start: nil, end: nil, reason: "demande", force: false, actor: actor, at: now)
                }
            )
        case 5:
            return (
                "re-plan",
                Result {
                    let replan = try SeasonReplan.prepare(template.loaded, database: database, planner: Planner(iterations: 20), at: now)
                    _ = try replan.apply(
                        to: database, acceptSeasonChange: false, directory: EventLifecycleTests.directory, actor: actor, at: now)
                }
            )
        case 6:
            return (
                "import of the first plan",
                Result {
                    _ = try PlanImport.parse(template.planText, file: "plan.json").apply(
                        to: database, options: PlanImport.Options(season: template.loaded), directory: EventLifecycleTests.directory,
                        actor: actor, at: now)
                }
            )
        default:
            let forced = random.oneIn(2) ? "sans accord" : nil
            return (
                "record \(id)\(forced == nil ? "" : " forced")",
                Result {
                    try EveningRecording(database).record(
                        NewEveningRecord(eventID: id, attendance: 40 + random.below(100)), force: forced, actor: actor, at: now)
                }
            )
        }
    }

    @Test func randomSequencesOfCommandsKeepEveryRuleAndRefusalsChangeNothing() throws {
        let scratch = try TemporaryDirectory(prefix: "tournee-model")
        defer { scratch.remove() }
        let template = try Self.template(in: scratch)
        let path = scratch.file("t.db")
        var accepted = [String: Int]()
        for seed in UInt64(1)...1_000 {
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.copyItem(atPath: template.database, toPath: path)
            let database = try Database(path: path)
            var random = SeededRandom(seed: seed)
            var now = Self.start
            for index in 0..<10 {
                now += Int64(random.below(5 * 86_400))
                let before = try Self.snapshot(database)
                let (name, outcome) = Self.step(&random, database: database, template: template, now: now)
                let after = try Self.snapshot(database)
                switch outcome {
                case .success:
                    accepted[String(name.prefix { $0 != " " }), default: 0] += 1
                case .failure(let error):
                    #expect(after == before, "seed \(seed), step \(index): \(name) was refused (\(error)) but changed the database")
                }
                let broken = Self.breaches(after.events)
                #expect(broken.isEmpty, "seed \(seed), step \(index): after \(name): \(broken)")
                if !broken.isEmpty { return }
            }
        }
        // Every kind of command was accepted often enough for the sequences to mean something.
        for command in ["confirm", "cancel", "decline", "move", "re-plan", "import", "record"] {
            #expect(accepted[command, default: 0] >= 50, "\(command) accepted \(accepted[command, default: 0]) times")
        }
    }
}
