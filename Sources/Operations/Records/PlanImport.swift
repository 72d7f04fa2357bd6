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

    /// What an import did: the events' summary, the season kept, and what was accepted.
    public struct Outcome: Sendable {
        /// The events inserted, updated, unchanged, kept, withdrawn.
        public let summary: PlanImportSummary
        /// The season now kept, when this import kept it (first import, or a change accepted).
        public let keptSeason: SeasonSnapshot?
        /// What changed in the season since the last import (empty when nothing did).
        public let seasonChange: SeasonChange
        /// The breaches accepted as exceptions (empty unless forced).
        public let accepted: [RuleBreach]
    }

    /// How an import treats a changed season and the season's rules.
    public struct Options: Sendable {
        /// The season read with the plan; nil to check the plan against the season the database
        /// keeps (or, when it keeps none, only against one evening per vehicle per evening).
        public var season: LoadedSeason?
        /// Whether a season that changed since the last import may replace the kept one.
        public var acceptSeasonChange: Bool
        /// The reason for breaking a rule on purpose, or nil to refuse every breach.
        public var force: String?
        /// What the history says of the change made to each event, by identifier ("import du
        /// plan" for the others).
        public var reasons: [String: String]

        /// Options for an import.
        public init(season: LoadedSeason?, acceptSeasonChange: Bool = false, force: String? = nil, reasons: [String: String] = [:]) {
            self.season = season
            self.acceptSeasonChange = acceptSeasonChange
            self.force = force
            self.reasons = reasons
        }
    }

    /// Saves the season (its record and the files it was read from), communes and contacts,
    /// and imports the events, all in one transaction: a plan that fails half-way, breaks a
    /// rule of the season, comes with a changed season not accepted, or drops a confirmed
    /// evening without being forced, leaves the database as it was. Proposed evenings the plan
    /// no longer holds are withdrawn. O(events² + communes + size of the season's files).
    public func apply(
        to database: Database, options: Options, directory: () throws -> CommuneDirectory, actor: String, at now: Int64
    ) throws -> Outcome {
        try database.transaction {
            if let loaded = options.season, loaded.season.slug != season.id {
                throw LifecycleError.otherSeason(plan: season.id, folder: loaded.files.folder.path, folderSeason: loaded.season.slug)
            }
            try SeasonStore(database).save(season)
            let (rules, kept, change) = try keepSeason(options.season, in: database, directory: directory, actor: actor, at: now)
            let store = CommuneStore(database)
            for entry in communes {
                if try store.commune(insee: entry.commune.insee) != entry.commune { try store.save(entry.commune) }
                if try store.contacts(insee: entry.commune.insee) != entry.contacts {
                    try store.replaceContacts(insee: entry.commune.insee, with: entry.contacts)
                }
            }
            let eventStore = EventStore(database)
            let summary = try eventStore.importPlan(
                events, seasonID: season.id, reason: "import du plan", reasons: options.reasons, actor: actor, at: now)
            if !summary.absentConfirmed.isEmpty {
                guard let force = options.force else { throw LifecycleError.confirmedAbsent(summary.absentConfirmed) }
                for id in summary.absentConfirmed {
                    try eventStore.recordException(eventID: id, key: "absent-from-plan:\(id)", reason: force, actor: actor, at: now)
                }
            }
            // A changed season may break evenings the plan left as they were: all are checked.
            let written: Set<String>? = change.isEmpty ? Set(summary.written) : nil
            let guardian = RuleGuard(database: database, seasonID: season.id, season: rules)
            let breaches = try guardian.unaccepted(involving: written)
            if !change.isEmpty, !options.acceptSeasonChange {
                throw LifecycleError.seasonChanged(seasonID: season.id, change, breaks: breaches)
            }
            try guardian.refuseOrAccept(breaches, written: written, force: options.force, actor: actor, at: now)
            return Outcome(summary: summary, keptSeason: kept, seasonChange: change, accepted: options.force == nil ? [] : breaches)
        }
    }

    /// Keeps the season read with the plan when the database keeps none or another version;
    /// returns the season whose rules apply, the snapshot kept by this import, and what changed.
    private func keepSeason(
        _ loaded: LoadedSeason?, in database: Database, directory: () throws -> CommuneDirectory, actor: String, at now: Int64
    ) throws -> (Season?, SeasonSnapshot?, SeasonChange) {
        let snapshots = SeasonSnapshotStore(database)
        guard let loaded else {
            return (try StoredSeason.load(seasonID: season.id, from: database, directory: directory), nil, SeasonChange.none)
        }
        let snapshot = StoredSeason.snapshot(of: loaded.files, seasonID: season.id, actor: actor, at: now)
        let kept = try snapshots.snapshot(seasonID: season.id)
        if let kept, kept.hasSameFiles(as: snapshot) { return (loaded.season, nil, SeasonChange.none) }
        try snapshots.replace(with: snapshot)
        return (loaded.season, snapshot, kept.map { SeasonChange.between(kept: $0, new: snapshot) } ?? SeasonChange.none)
    }
}
