import Store

/// The rules of an evening's record: it comes once the evening has started (Paris time, at the
/// clock of the caller), never for a cancelled or withdrawn evening, for one the mairie never
/// confirmed only when forced with a reason (kept in the history); a second record is refused,
/// a correction replaces the fields it gives and is kept with the values before and after.
public struct EveningRecording {
    private let database: Database

    /// Records on `database`.
    public init(_ database: Database) { self.database = database }

    /// The evening's first record, in one transaction; `force` is the reason to record an evening
    /// the mairie never confirmed. A refusal (`StoreError`, `RecordingRefusal`) writes nothing.
    public func record(_ entry: NewEveningRecord, force: String?, actor: String, at now: Int64) throws {
        try database.transaction {
            guard let event = try EventStore(database).event(id: entry.eventID) else { throw StoreError.eventNotFound(id: entry.eventID) }
            let records = RecordStore(database)
            if event.status == .cancelled || event.status == .withdrawn {
                throw StoreError.invalidTransition(eventID: event.id, from: event.status, action: .done)
            }
            guard try records.record(eventID: event.id) == nil else { throw StoreError.alreadyRecorded(eventID: event.id) }
            guard now >= event.planned.slot.startsAt else {
                throw RecordingRefusal.notStarted(eventID: event.id, startsAt: event.planned.slot.startsAt, now: now)
            }
            if event.status == .proposed, force == nil { throw RecordingRefusal.notConfirmed(eventID: event.id) }
            let reason = force.map { "soirée enregistrée sans confirmation de la mairie : \($0)" } ?? "soirée enregistrée"
            try records.record(entry, actor: actor, at: now, reason: reason)
        }
    }

    /// The evening's record with the fields `input` gives in place of its own, in one
    /// transaction, the correction kept; nil when they are the values it had.
    public func amend(_ input: RecordInput, reason: String, actor: String, at now: Int64) throws -> RecordCorrection? {
        try database.transaction {
            let records = RecordStore(database)
            guard let current = try records.record(eventID: input.eventID) else {
                guard try EventStore(database).event(id: input.eventID) != nil else { throw StoreError.eventNotFound(id: input.eventID) }
                throw StoreError.notRecorded(eventID: input.eventID)
            }
            return try records.amend(input.applied(to: current.entry), reason: reason, actor: actor, at: now)
        }
    }
}
