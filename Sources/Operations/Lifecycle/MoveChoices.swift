import CivilTime
import Foundation
import Planning
import Store

/// The dates an evening could move to without breaking a rule of its season, found by trying
/// each move in a savepoint that is rolled back: the very checks `EventLifecycle.move` makes
/// (`RuleGuard` over the kept season: the tour's dates and weekdays, the vehicle's other
/// evenings, the commune's gap and visits, dates it declined), so a date offered is a date the
/// move accepts. O(days of the season × evenings of the season).
public struct MoveChoices {
    private let database: Database
    private let directory: () throws -> CommuneDirectory

    /// Choices on `database`, whose kept seasons load with the communes `directory` gives.
    public init(_ database: Database, directory: @escaping () throws -> CommuneDirectory) {
        self.database = database
        self.directory = directory
    }

    /// The dates from tomorrow (Paris, at `now`) to the season's last day, its own date left out,
    /// on which evening `id` keeps its hours and every rule.
    public func dates(for id: String, at now: Int64) throws -> [CivilDate] {
        guard let event = try EventStore(database).event(id: id) else { throw StoreError.eventNotFound(id: id) }
        let seasonID = event.planned.seasonID
        guard let record = try SeasonStore(database).season(id: seasonID) else { throw StoreError.seasonNotFound(id: seasonID) }
        let rules = RuleGuard(
            database: database, seasonID: seasonID, season: try StoredSeason.load(seasonID: seasonID, from: database, directory: directory))
        let slot = event.planned.slot
        var day = max(ParisTime.civil(Date(timeIntervalSince1970: Double(now))).date.adding(days: 1), record.firstDate)
        var dates: [CivilDate] = []
        while day <= record.lastDate {
            if day != slot.date, try keepsTheRules(id, on: day, slot: slot, rules: rules, at: now) { dates.append(day) }
            day = day.adding(days: 1)
        }
        return dates
    }

    /// The trial: the move written, the rules asked, everything rolled back.
    private func keepsTheRules(_ id: String, on day: CivilDate, slot: EventSlot, rules: RuleGuard, at now: Int64) throws -> Bool {
        struct Trial: Error { let keeps: Bool }
        do {
            try database.transaction {
                _ = try EventStore(database).move(
                    id: id, to: EventLifecycle.slot(on: day, from: slot.localStart, to: slot.localEnd), reason: "essai", actor: "essai",
                    at: now)
                throw Trial(keeps: try rules.unaccepted(involving: [id]).isEmpty)
            }
        } catch let trial as Trial {
            return trial.keeps
        }
        return false
    }
}
