import Planning
import Store

/// The season's rules over the live evenings a database holds: every breach, split into those
/// a recorded exception accepts and the others.
public struct SeasonAudit: Sendable {
    /// A breach accepted on purpose, with the history entry that says who accepted it and why.
    public struct Accepted: Sendable {
        /// The breach.
        public let breach: RuleBreach
        /// The exception recorded for it.
        public let exception: EventChange
    }

    /// The season.
    public let seasonID: String
    /// Whether the database keeps the season: without it only the rule that needs none (one
    /// evening per vehicle per evening) was checked.
    public let isSeasonKept: Bool
    /// The breaches no exception accepts.
    public let breaches: [RuleBreach]
    /// The breaches an exception accepts.
    public let accepted: [Accepted]

    /// Checks every season of the database against the season it keeps (loaded with the
    /// national communes file `directory` gives): an audit per season, or why its kept season
    /// no longer loads. A season whose events cannot be read is left out (`Database.check()`
    /// names those rows). O(events² + events × rules).
    public static func all(_ database: Database, directory: () throws -> CommuneDirectory) throws -> [Result<SeasonAudit, LifecycleError>] {
        var audits: [Result<SeasonAudit, LifecycleError>] = []
        for season in try SeasonStore(database).all() {
            do {
                let kept = try StoredSeason.load(seasonID: season.id, from: database, directory: directory)
                audits.append(.success(try run(database, seasonID: season.id, season: kept)))
            } catch let error as LifecycleError {
                audits.append(.failure(error))
            } catch StoreError.malformedRow {
                continue
            }
        }
        return audits
    }

    /// Checks the live events of `seasonID` against `season` (the kept one; nil when none is
    /// kept). On an evening taken twice, the events just `written` are the ones reported, as
    /// coming after the others. O(events × communes + events × rules).
    public static func run(_ database: Database, seasonID: String, season: Season?, written: Set<String> = []) throws -> SeasonAudit {
        try database.readTransaction {
            let stored = try EventStore(database).events(seasonID: seasonID)
            let live = stored.filter(\.status.isLive).enumerated().sorted { a, b in
                (a.element.planned.slot.date, written.contains(a.element.id) ? 1 : 0, a.offset)
                    < (b.element.planned.slot.date, written.contains(b.element.id) ? 1 : 0, b.offset)
            }.map { StoredEvening(event: $0.element) }
            let declined = stored.filter { $0.status == .declined }.map { StoredEvening(event: $0) }
            let names = try CommuneStore(database).names()
            var found = season.map { PlanChecker(season: $0).standingBreaches(live) } ?? PlanChecker.sameEveningBreaches(live) { names[$0] }
            found += PlanChecker.declinedDateBreaches(live, declined: declined) { names[$0] }
            var exceptions: [String: EventChange] = [:]
            for change in try EventStore(database).exceptions(seasonID: seasonID) {
                if let key = change.exception, exceptions[key] == nil { exceptions[key] = change }
            }
            return SeasonAudit(
                seasonID: seasonID, isSeasonKept: season != nil,
                breaches: found.filter { exceptions[$0.key] == nil },
                accepted: found.compactMap { breach in exceptions[breach.key].map { Accepted(breach: breach, exception: $0) } })
        }
    }
}
