import CivilTime
import Foundation
import Planning
import Store

/// What a mairie's answer page reads and writes: its evening, the other dates it could take,
/// and its answer, applied at once when the season's rules allow — through `EventLifecycle`,
/// as a planner's command would, with the mairie's address in the history — and otherwise kept
/// for the planner. One form key records once.
public struct MairieDesk {
    /// An evening as the answer page shows it.
    public struct Evening: Sendable {
        /// The evening.
        public let event: Event
        /// The commune's name.
        public let communeName: String
        /// The place, set-up and needs the kept season gives.
        public let setting: EveningSetting
        /// The answers given so far, oldest first.
        public let answers: [MairieAnswer]
        /// Whether the answer may still be given or changed (until a week before the evening).
        public let mayAnswer: Bool
    }

    /// What an answer did.
    public enum Result: Equatable, Sendable {
        /// Recorded (and applied as its outcome says).
        case recorded(MairieAnswer)
        /// This form had already arrived: nothing more was done.
        case alreadyReceived(MairieAnswer)
    }

    /// How many other dates the page offers.
    public static let offeredDates = 6
    /// Answers are taken until this many days before the evening.
    public static let closingDays = 7

    private let database: Database
    private let directory: () throws -> CommuneDirectory
    private let seasons: KeptSeasonFacts

    /// The desk of `database`; kept seasons load with `directory`'s communes.
    public init(_ database: Database, directory: @escaping @Sendable () throws -> CommuneDirectory, seasons: KeptSeasonFacts) {
        self.database = database
        self.directory = directory
        self.seasons = seasons
    }

    /// The evening a link names, nil when the database has no such evening.
    public func evening(_ claims: LinkClaims, at now: Int64) throws -> Evening? {
        guard let event = try EventStore(database).event(id: claims.eventID) else { return nil }
        return Evening(
            event: event, communeName: try CommuneStore(database).commune(insee: event.planned.insee)?.name ?? event.planned.insee,
            setting: (try? seasons.setting(of: event, in: database)) ?? EveningSetting(),
            answers: try MairieAnswerStore(database).answers(eventID: event.id),
            mayAnswer: Self.mayAnswer(event, at: now))
    }

    /// The other dates the evening could take without breaking a rule, those that add the
    /// fewest kilometres to its vehicle's route first (`RouteDetour`: none for a return-to-base
    /// van), the nearest to its own among equals — nearness keeps the rest of the season as
    /// planned —, shown in date order.
    public func alternatives(for event: Event, at now: Int64) throws -> [CivilDate] {
        let own = event.planned.slot.date
        let dates = try MoveChoices(database, directory: directory).dates(for: event.id, at: now)
        let seasonID = event.planned.seasonID
        let detour = try StoredSeason.load(seasonID: seasonID, from: database, directory: directory).flatMap {
            RouteDetour(season: $0, event: event)
        }
        let evenings = try EventStore(database).events(seasonID: seasonID, statuses: [.proposed, .confirmed, .done])
        // Tenths of a kilometre: two dates a few metres apart are equals, and nearness decides.
        let ranked = dates.map { date in
            (date: date, added: ((detour?.kilometresAdded(moving: event, to: date, among: evenings) ?? 0) * 10).rounded())
        }
        let best = ranked.sorted { ($0.added, abs(own.days(to: $0.date)), $0.date) < ($1.added, abs(own.days(to: $1.date)), $1.date) }
        return best.prefix(Self.offeredDates).map(\.date).sorted()
    }

    /// Takes the answer of form `key` for the link's evening and address.
    public func answer(
        key: String, _ claims: LinkClaims, choice: MairieAnswer.Choice, dates: [CivilDate], comment: String, at now: Int64
    ) throws -> Result {
        try database.transaction {
            let store = MairieAnswerStore(database)
            if let earlier = try store.find(formKey: key) {
                guard earlier.eventID == claims.eventID else { throw MairieRefusal.reusedForm }
                return .alreadyReceived(earlier)
            }
            guard let event = try EventStore(database).event(id: claims.eventID) else { throw StoreError.eventNotFound(id: claims.eventID) }
            guard Self.mayAnswer(event, at: now) else { throw MairieRefusal.tooLate }
            let actor = "\(claims.mairieAddress) (lien)"
            let outcome = try apply(choice, dates: dates, comment: comment, to: event, actor: actor, at: now)
            return .recorded(
                try store.keep(
                    MairieAnswer(
                        formKey: key, eventID: event.id, address: claims.mairieAddress, choice: choice, dates: dates, comment: comment,
                        outcome: outcome, at: now)))
        }
    }

    private func apply(
        _ choice: MairieAnswer.Choice, dates: [CivilDate], comment: String, to event: Event, actor: String, at now: Int64
    ) throws -> MairieAnswer.Outcome {
        let lifecycle = EventLifecycle(database, directory: directory)
        let said = comment.isEmpty ? "" : " : « \(comment) »"
        switch (choice, event.status) {
        case (_, .cancelled), (_, .withdrawn), (_, .done):
            throw MairieRefusal.calledOff
        case (.accepted, .proposed):
            do {
                _ = try lifecycle.confirm(
                    id: event.id, reason: "accord de la mairie par son lien" + said, force: false, actor: actor, at: now)
                return .confirmed
            } catch is LifecycleError { return .forPlanner }
        case (.accepted, .confirmed):
            return comment.isEmpty ? .unchanged : .forPlanner
        case (.accepted, .declined):
            return .forPlanner
        case (.otherDates, .proposed), (.otherDates, .confirmed):
            for date in dates {
                do {
                    _ = try lifecycle.move(
                        id: event.id, date: date, start: nil, end: nil, reason: "date choisie par la mairie par son lien" + said,
                        force: false,
                        actor: actor, at: now)
                    if event.status == .proposed {
                        _ = try lifecycle.confirm(
                            id: event.id, reason: "accord de la mairie pour cette date", force: false, actor: actor, at: now)
                    }
                    return .moved
                } catch is LifecycleError { continue }
            }
            guard dates.isEmpty else { return .forPlanner }
            return try callOff(event, lifecycle, reason: "la date ne convient pas à la mairie" + said, actor: actor, at: now)
        case (.otherDates, .declined):
            return .forPlanner
        case (.declinedSeason, _):
            var outcome = MairieAnswer.Outcome.unchanged
            let sameCommune = try EventStore(database).events(seasonID: event.planned.seasonID, statuses: [.proposed, .confirmed])
                .filter { $0.planned.insee == event.planned.insee && Self.mayAnswer($0, at: now) }
            for other in sameCommune {
                outcome = try callOff(
                    other, lifecycle, reason: "la mairie ne peut pas accueillir cette saison" + said, actor: actor, at: now)
            }
            return event.status == .declined && sameCommune.isEmpty ? .declined : outcome
        }
    }

    /// A proposed evening declined, a confirmed one cancelled.
    private func callOff(_ event: Event, _ lifecycle: EventLifecycle, reason: String, actor: String, at now: Int64) throws
        -> MairieAnswer.Outcome
    {
        if event.status == .confirmed {
            _ = try lifecycle.cancel(id: event.id, reason: reason, actor: actor, at: now)
            return .cancelled
        }
        _ = try lifecycle.decline(id: event.id, reason: reason, actor: actor, at: now)
        return .declined
    }

    private static func mayAnswer(_ event: Event, at now: Int64) -> Bool {
        now < event.planned.slot.startsAt - Int64(closingDays) * 86_400
    }
}
