import CivilTime
import Foundation
import Store
import TestSupport

/// A fresh folder under the system temporary directory, removed by `remove()`.
struct Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "tournee-ops-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A plan file (the format `tournee plan` writes) imported into a fresh database through the
/// Store API, as `tournee schedule import` will do.
enum PlanFixture {
    struct PlanFile: Decodable {
        struct SeasonPart: Decodable {
            struct Period: Decodable {
                let from: String
                let to: String
            }
            let name: String
            let slug: String
            let period: Period
            let timeZone: String
        }
        struct EventPart: Decodable {
            struct CommunePart: Decodable {
                struct Mairie: Decodable {
                    let name: String?
                    let email: String?
                }
                let insee: String
                let name: String
                let lat: Double
                let lon: Double
                let population: Int?
                let hasCafe: Bool
                let mairie: Mairie?
            }
            let id: String
            let date: String
            let start: String
            let end: String
            let commune: CommunePart
            let vehicle: String
            let tour: String?
            let km: Double
        }
        let season: SeasonPart
        let events: [EventPart]
    }

    /// The small season shipped with the tests: three evenings in May 2027.
    static let smallPlan = PythonPeer.repository.appendingPathComponent("Tests/OperationsTests/Fixtures/plan-small.json").path

    /// The fixture instant the plan is imported at: 2027-03-01 08:00 UTC.
    static let importedAt: Int64 = 1_803_888_000

    /// Creates a migrated database at `path` and imports the plan at `importedAt`.
    @discardableResult
    static func database(at path: String, plan: String = smallPlan, importedAt: Int64 = importedAt) throws -> Database {
        let database = try Database(path: path)
        try Migrator.tournee.migrate(database, at: importedAt)
        try importPlan(plan, into: database, at: importedAt)
        return database
    }

    /// Imports `plan` (season, communes with their mairie contact, events) in one transaction.
    static func importPlan(_ plan: String, into database: Database, at now: Int64) throws {
        let file = try JSONDecoder().decode(PlanFile.self, from: Data(contentsOf: URL(fileURLWithPath: plan)))
        try importPlan(file, into: database, at: now)
    }

    static func importPlan(_ file: PlanFile, into database: Database, at now: Int64) throws {
        let iso = ISO8601DateFormatter()
        try database.transaction {
            try SeasonStore(database).save(
                SeasonRecord(
                    id: file.season.slug, name: file.season.name, firstDate: CivilDate(stringLiteral: file.season.period.from),
                    lastDate: CivilDate(stringLiteral: file.season.period.to), timeZone: file.season.timeZone))
            let communes = CommuneStore(database)
            var planned: [PlannedEventRecord] = []
            for event in file.events {
                let commune = event.commune
                try communes.save(
                    CommuneRecord(
                        insee: commune.insee, name: commune.name, latitude: commune.lat, longitude: commune.lon,
                        population: commune.population, hasCafe: commune.hasCafe))
                if let mairie = commune.mairie {
                    try communes.replaceContacts(
                        insee: commune.insee, with: [MairieContactRecord(name: mairie.name ?? "Mairie", email: mairie.email)])
                }
                guard let start = iso.date(from: event.start), let end = iso.date(from: event.end) else {
                    throw SupportError("bad instants in \(event.id)")
                }
                let slot = EventSlot(
                    date: CivilDate(stringLiteral: event.date),
                    localStart: LocalTime(stringLiteral: String(event.start.dropFirst(11).prefix(5))),
                    localEnd: LocalTime(stringLiteral: String(event.end.dropFirst(11).prefix(5))),
                    startsAt: Int64(start.timeIntervalSince1970), endsAt: Int64(end.timeIntervalSince1970))
                planned.append(
                    PlannedEventRecord(
                        id: event.id, seasonID: file.season.slug, insee: commune.insee, slot: slot,
                        vehicle: event.vehicle, tour: event.tour, km: event.km))
            }
            try EventStore(database).importPlan(planned, seasonID: file.season.slug, reason: "plan", actor: "test", at: now)
        }
    }

    /// The repository's shipped configuration folder.
    static let configFolder = PythonPeer.repository.appendingPathComponent("config").path
}

extension PlanFixture {
    /// A synthetic season of `count` proposed evenings, one a day from 1 May 2027 at 18:30, in
    /// `count` communes whose mairies have distinct addresses: at import, `count` requests for
    /// agreement are due.
    static func synthetic(count: Int) -> PlanFile {
        typealias Event = PlanFile.EventPart
        let first = Fixtures.instant("2027-05-01T16:30:00Z")
        let events = (0..<count).map { index -> Event in
            let start = first + Int64(index) * 86_400
            let date = Date(timeIntervalSince1970: Double(start))
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
            let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            let offset = TimeZone(identifier: "Europe/Paris")!.secondsFromGMT(for: date) / 3600
            let insee = String(format: "9%04d", index)
            return Event(
                id: "synthetic-\(insee)", date: day,
                start: day + String(format: "T18:30:00+%02d:00", offset), end: day + String(format: "T23:30:00+%02d:00", offset),
                commune: .init(
                    insee: insee, name: "Village \(index)", lat: 48.5, lon: 4.8, population: 100, hasCafe: false,
                    mairie: .init(name: "Mairie \(index)", email: "mairie\(index)@villages.example.org")),
                vehicle: "camion", tour: nil, km: 10)
        }
        return PlanFile(
            season: .init(
                name: "Saison synthétique", slug: "synthetic", period: .init(from: "2027-05-01", to: "2099-12-31"),
                timeZone: "Europe/Paris"), events: events)
    }
}
