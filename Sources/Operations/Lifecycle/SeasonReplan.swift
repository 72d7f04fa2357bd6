import CivilTime
import Foundation
import Planning
import Store

/// A season re-planned from the evenings its database holds, with as few changes as possible:
/// confirmed and done evenings fixed, proposed ones kept where they are unless moving them is
/// worth their stability bonus (the season's penalty once a message about them has gone out),
/// dates communes declined never offered again, nothing new before tomorrow. Reading and
/// planning write nothing; `apply` writes the change set in one transaction, through the same
/// import and rule checks as `tournee schedule import`.
public struct SeasonReplan: Sendable {
    /// The season, as read from its folder.
    public let loaded: LoadedSeason
    /// The new plan (its basis: the database's evenings).
    public let plan: Plan
    /// What the new plan changes.
    public let changes: PlanChanges
    /// What changed in the season's files since the database kept them (empty when nothing
    /// did, or when it keeps none).
    public let seasonChange: SeasonChange

    /// Plans `loaded` again from the evenings of its season in `database`; `now` (Unix
    /// seconds) makes tomorrow, on Paris clocks, the first date a new or moved evening may have.
    public static func prepare(_ loaded: LoadedSeason, database: Database, planner: Planner, at now: Int64) throws -> SeasonReplan {
        let seasonID = loaded.season.slug
        let (basis, change) = try database.readTransaction { () throws -> (PlanBasis, SeasonChange) in
            guard try SeasonStore(database).season(id: seasonID) != nil else { throw LifecycleError.seasonNotImported(seasonID: seasonID) }
            let today = ParisTime.civil(Date(timeIntervalSince1970: TimeInterval(now))).date
            let basis = try Self.basis(database, seasonID: seasonID, firstNewDate: today.adding(days: 1))
            let kept = try SeasonSnapshotStore(database).snapshot(seasonID: seasonID)
            let snapshot = StoredSeason.snapshot(of: loaded.files, seasonID: seasonID, actor: "", at: now)
            return (basis, kept.map { SeasonChange.between(kept: $0, new: snapshot) } ?? .none)
        }
        let plan = try planner.plan(loaded.season, seasonSlug: seasonID, basis: basis)
        return SeasonReplan(loaded: loaded, plan: plan, changes: PlanChanges(of: plan), seasonChange: change)
    }

    /// What the season's evenings in `database` give a re-plan: confirmed and done ones kept,
    /// proposed ones standing (announced when the outbox has sent a message about them),
    /// declined ones as dates refused, every identifier reserved. O(events + messages).
    static func basis(_ database: Database, seasonID: String, firstNewDate: CivilDate) throws -> PlanBasis {
        let events = try EventStore(database).events(seasonID: seasonID)
        let announced = try OutboxStore(database).announcedEventIDs(seasonID: seasonID)
        var basis = PlanBasis(reservedIDs: Set(events.map(\.id)), firstNewDate: firstNewDate)
        for event in events {
            let evening = StoredEvening(event: event)
            switch event.status {
            case .confirmed, .done:
                basis.kept.append(
                    KeptEvent(id: evening.id, insee: evening.insee, tour: evening.tour, date: evening.date, status: event.status))
            case .proposed:
                basis.standing.append(
                    StandingEvening(
                        id: evening.id, insee: evening.insee, tour: evening.tour, date: evening.date,
                        isAnnounced: announced.contains(event.id)))
            case .declined:
                basis.declined.append(DeclinedDate(id: evening.id, insee: evening.insee, date: evening.date))
            case .cancelled, .withdrawn:
                break
            }
        }
        return basis
    }

    /// Applies the new plan in one transaction, as `tournee schedule import` of it would
    /// (`PlanImport`: the season kept or compared, every rule checked, absent proposed evenings
    /// withdrawn), each change's reason kept in its evening's history. Refused, writing nothing,
    /// when the season changed since it was kept and `acceptSeasonChange` is false, or when the
    /// database changed since `prepare` so that the plan no longer fits it.
    public func apply(
        to database: Database, acceptSeasonChange: Bool, directory: () throws -> CommuneDirectory, actor: String, at now: Int64,
        reason: String? = nil
    ) throws -> PlanImport.Outcome {
        let imported = try PlanImport.parse(PlanJSON.render(plan), file: StoredSeason.displayPath(plan.seasonSlug) + "/replanification")
        var reasons: [String: String] = [:]
        let why = reason.map { "replanification (\($0)) : " } ?? "replanification : "
        for change in changes.changes { reasons[change.id] = why + change.reason }
        return try imported.apply(
            to: database, options: PlanImport.Options(season: loaded, acceptSeasonChange: acceptSeasonChange, reasons: reasons),
            directory: directory, actor: actor, at: now)
    }
}
