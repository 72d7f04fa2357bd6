import CivilTime
import Foundation
import Planning
import Store
import TextFormats

/// A `plan.json` read for the database, through Planning's one reader of the file
/// (`PlanFile.document`): the season, its host communes with their mairie contacts, and the
/// evenings as planned events.
public struct PlanImport: Sendable {
    /// The season (id = the plan's slug).
    public var season: SeasonRecord
    /// Host communes, by INSEE code, each with its contacts.
    public var communes: [(commune: CommuneRecord, contacts: [MairieContactRecord])]
    /// The evenings, in the plan's order.
    public var events: [PlannedEventRecord]

    /// Reads a plan text; every problem names the file, line and key. O(size of the text).
    public static func parse(_ text: String, file: String) throws(RecordsError) -> PlanImport {
        let document: PlanDocument
        do { document = try PlanFile.document(text, file: file) } catch {
            throw RecordsError(
                error.issues.filter { $0.severity == .error }.map {
                    RecordsError.Problem(file: $0.file, line: $0.line, key: $0.key, message: $0.message)
                })
        }
        return PlanImport(document)
    }

    /// The records a checked plan gives.
    public init(_ document: PlanDocument) {
        let slug = document.season.slug
        season = SeasonRecord(
            id: slug, name: document.season.name, firstDate: document.season.period.first,
            lastDate: document.season.period.last, timeZone: document.season.timeZone)
        communes = document.communes.map { commune in
            (
                CommuneRecord(
                    insee: commune.insee, name: commune.name, latitude: commune.latitude, longitude: commune.longitude,
                    population: commune.population, hasCafe: commune.hasCafe),
                commune.mairie.map { [MairieContactRecord(name: $0.name ?? "Mairie", email: $0.email)] } ?? []
            )
        }
        events = document.events.map { event in
            let slot = EventSlot(
                date: event.date, localStart: event.start.time, localEnd: event.end.time,
                startsAt: event.startsAt, endsAt: event.endsAt)
            return PlannedEventRecord(
                id: event.id, seasonID: slug, insee: event.insee, slot: slot,
                vehicle: event.vehicle, tour: event.tour, km: event.km)
        }
    }

    /// Saves the season, communes and contacts and imports the events, all in one transaction:
    /// a plan that fails half-way leaves the database as it was. O(events + communes).
    public func apply(to database: Database, actor: String, at now: Int64) throws -> PlanImportSummary {
        try database.transaction {
            try SeasonStore(database).save(season)
            let store = CommuneStore(database)
            for entry in communes {
                if try store.commune(insee: entry.commune.insee) != entry.commune { try store.save(entry.commune) }
                if try store.contacts(insee: entry.commune.insee) != entry.contacts {
                    try store.replaceContacts(insee: entry.commune.insee, with: entry.contacts)
                }
            }
            return try EventStore(database).importPlan(
                events, seasonID: season.id,
                reason: "import du plan", actor: actor, at: now)
        }
    }
}
