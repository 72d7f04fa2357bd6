import CivilTime
import Foundation
import Store

/// What the staff's « Ce soir » page reads and writes: the evenings an account may record, and
/// the record forms it sends, each taken once whatever the number of times it arrives.
public struct StaffDesk {
    /// What a received form did.
    public enum Result: Equatable, Sendable {
        /// The evening's first record.
        case recorded
        /// The record corrected; the correction is in its history.
        case corrected(RecordCorrection)
        /// The form held the values the record already had.
        case unchanged
        /// This form had already arrived (a double tap, a resend): nothing more was done.
        case alreadyReceived(FormSubmission)
    }

    /// The reason kept in the history for a correction sent from the page.
    public static let correctionReason = "corrigé depuis le formulaire de la soirée"

    private let database: Database

    /// The desk of `database`.
    public init(_ database: Database) { self.database = database }

    /// The evenings `account` may record from `daysBack` days before today (Paris) to today,
    /// most recent first; called-off ones are left out. Staff see their vehicle's evenings in
    /// their seasons; planners every evening of the seasons open to them. O(events of the seasons).
    public func evenings(for account: UserAccount, at now: Int64, daysBack: Int = 3) throws -> [StaffEvening] {
        let today = ParisTime.civil(Date(timeIntervalSince1970: Double(now))).date
        let first = today.adding(days: -daysBack)
        return try database.readTransaction {
            let names = try CommuneStore(database).names()
            let records = RecordStore(database)
            return try EventStore(database).events(statuses: [.proposed, .confirmed, .done])
                .filter { mayRecord($0, account) && $0.planned.slot.date >= first && $0.planned.slot.date <= today }
                .sorted { $0.planned.slot.startsAt > $1.planned.slot.startsAt }
                .map { event in
                    StaffEvening(
                        event: event, communeName: names[event.planned.insee] ?? event.planned.insee,
                        record: try records.record(eventID: event.id), hasStarted: now >= event.planned.slot.startsAt)
                }
        }
    }

    /// Evening `id` when `account` may record it (whatever its date), nil otherwise.
    public func evening(id: String, for account: UserAccount, at now: Int64) throws -> StaffEvening? {
        try database.readTransaction {
            guard let event = try EventStore(database).event(id: id), mayRecord(event, account),
                [.proposed, .confirmed, .done].contains(event.status)
            else { return nil }
            return StaffEvening(
                event: event, communeName: try CommuneStore(database).commune(insee: event.planned.insee)?.name ?? event.planned.insee,
                record: try RecordStore(database).record(eventID: id), hasStarted: now >= event.planned.slot.startsAt)
        }
    }

    /// Takes the form `key` with `input` from `account`: the evening's first record, or a
    /// correction of it (kept in its history), in one transaction with the key, so that the same
    /// form arriving again changes nothing. Refusals are `StaffRefusal`s.
    public func submit(key: String, _ input: RecordInput, by account: UserAccount, at now: Int64) throws -> Result {
        try database.transaction {
            let forms = FormSubmissionStore(database)
            if let earlier = try forms.find(key: key) {
                guard earlier.userID == account.id, earlier.eventID == input.eventID else { throw StaffRefusal.reusedForm }
                return .alreadyReceived(earlier)
            }
            guard let event = try EventStore(database).event(id: input.eventID), mayRecord(event, account) else {
                throw StaffRefusal.notYours
            }
            let recording = EveningRecording(database)
            let result: Result
            if try RecordStore(database).record(eventID: event.id) == nil {
                guard let entry = input.record else { throw StaffRefusal.attendanceMissing }
                do { try recording.record(entry, force: nil, actor: account.name, at: now) } catch RecordingRefusal.notStarted {
                    throw StaffRefusal.notStarted
                } catch RecordingRefusal.notConfirmed {
                    throw StaffRefusal.notConfirmed
                } catch StoreError.invalidTransition {
                    throw StaffRefusal.calledOff
                }
                result = .recorded
            } else {
                let correction = try recording.amend(input, reason: Self.correctionReason, actor: account.name, at: now)
                result = correction.map { .corrected($0) } ?? .unchanged
            }
            try forms.keep(FormSubmission(key: key, userID: account.id, eventID: event.id, outcome: result.outcome, at: now))
            return result
        }
    }

    private func mayRecord(_ event: Event, _ account: UserAccount) -> Bool {
        guard account.disabledAt == nil, account.mayOpen(season: event.planned.seasonID) else { return false }
        switch account.role {
        case .staff: return event.planned.vehicle == account.vehicle
        case .planner: return true
        }
    }
}

extension StaffDesk.Result {
    /// The outcome kept with the form's key.
    fileprivate var outcome: FormSubmission.Outcome {
        switch self {
        case .recorded: .recorded
        case .corrected: .corrected
        case .unchanged, .alreadyReceived: .unchanged
        }
    }
}
