import CivilTime
import Foundation
import Planning
import Store

/// The changes a planner makes to one evening, each in one transaction that keeps the rules of
/// the season the database keeps (`RuleGuard`): a change that would break one is refused with
/// the evening and the rule named, unless forced with a reason, kept as an exception.
public struct EventLifecycle {
    /// A change made, and the breaches it was forced past.
    public struct Outcome: Sendable {
        /// The evening after the change.
        public let event: Event
        /// The breaches accepted as exceptions (empty unless forced).
        public let accepted: [RuleBreach]
    }

    private let database: Database
    private let directory: () throws -> CommuneDirectory

    /// Changes on `database`, whose kept seasons are loaded with the national communes file
    /// `directory` gives.
    public init(_ database: Database, directory: @escaping () throws -> CommuneDirectory) {
        self.database = database
        self.directory = directory
    }

    /// The mairie agreed: proposed → confirmed, refused if the evening breaks a rule.
    public func confirm(id: String, reason: String, force: Bool, actor: String, at now: Int64) throws -> Outcome {
        try guarded(id: id, reason: reason, force: force, actor: actor, at: now) { events, _ in
            try events.confirm(id: id, reason: reason, actor: actor, at: now)
        }
    }

    /// Calls the evening off: proposed or confirmed → cancelled. An evening that leaves the
    /// season cannot break its rules: nothing is checked.
    public func cancel(id: String, reason: String, actor: String, at now: Int64) throws -> Outcome {
        Outcome(event: try EventStore(database).cancel(id: id, reason: reason, actor: actor, at: now), accepted: [])
    }

    /// The mairie refused the date: proposed → declined. The evening leaves the season, so
    /// nothing is checked; a re-plan (`SeasonReplan`) never proposes the commune that date again.
    public func decline(id: String, reason: String, actor: String, at now: Int64) throws -> Outcome {
        Outcome(event: try EventStore(database).decline(id: id, reason: reason, actor: actor, at: now), accepted: [])
    }

    /// Records that the mayor granted the evening's temporary drinks licence on `day`: only for
    /// a confirmed (or held) evening, since the licence follows the mairie's agreement. The
    /// reminder that a licence is missing stops for it.
    @discardableResult
    public func recordLicence(id: String, grantedOn day: CivilDate, reason: String, actor: String, at now: Int64) throws -> Event {
        try database.transaction {
            guard let event = try EventStore(database).event(id: id) else { throw StoreError.eventNotFound(id: id) }
            guard event.status == .confirmed || event.status == .done else {
                throw LifecycleError.licenceWithoutAgreement(eventID: id, status: event.status)
            }
            try LicenceGrantStore(database).grant(eventID: id, on: day, reason: reason, actor: actor, at: now)
            return event
        }
    }

    /// Moves the evening to `date` (its own when nil) from `start` to `end` (its own times when
    /// nil): refused outside the season, and when the new evening breaks a rule (the tour's
    /// dates and weekdays, the vehicle already out that evening, the commune's gap…).
    public func move(
        id: String, date: CivilDate?, start: LocalTime?, end: LocalTime?, reason: String, force: Bool, actor: String, at now: Int64
    ) throws -> Outcome {
        try guarded(id: id, reason: reason, force: force, actor: actor, at: now) { events, event in
            let current = event.planned.slot
            let day = date ?? current.date
            let from = start ?? current.localStart
            let to = end ?? current.localEnd
            guard let season = try SeasonStore(database).season(id: event.planned.seasonID) else {
                throw StoreError.seasonNotFound(id: event.planned.seasonID)
            }
            guard season.contains(day) else { throw LifecycleError.outsideSeason(date: day, season: season) }
            guard from != to else { throw LifecycleError.emptyEvening(eventID: id) }
            return try events.move(id: id, to: Self.slot(on: day, from: from, to: to), reason: reason, actor: actor, at: now)
        }
    }

    /// The evening of `day` from `from` to `to` on Paris clocks (past midnight when `to` < `from`).
    static func slot(on day: CivilDate, from: LocalTime, to: LocalTime) -> EventSlot {
        let startsAt = ParisTime.instant(on: day, at: from)
        let endsAt = ParisTime.instant(on: to < from ? day.adding(days: 1) : day, at: to)
        return EventSlot(
            date: day, localStart: from, localEnd: to,
            startsAt: Int64(startsAt.timeIntervalSince1970), endsAt: Int64(endsAt.timeIntervalSince1970))
    }

    /// Runs `change` on the stored event and checks the season's rules after it, all in one
    /// transaction.
    private func guarded(
        id: String, reason: String, force: Bool, actor: String, at now: Int64, _ change: (EventStore, Event) throws -> Event
    ) throws -> Outcome {
        try database.transaction {
            let events = EventStore(database)
            guard let event = try events.event(id: id) else { throw StoreError.eventNotFound(id: id) }
            let changed = try change(events, event)
            let seasonID = event.planned.seasonID
            let rules = RuleGuard(
                database: database, seasonID: seasonID,
                season: try StoredSeason.load(seasonID: seasonID, from: database, directory: directory))
            let accepted = try rules.check(written: [id], force: force ? reason : nil, actor: actor, at: now)
            return Outcome(event: changed, accepted: accepted)
        }
    }
}
