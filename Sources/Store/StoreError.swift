import SeasonVocabulary

/// A store operation refused for a domain reason; the message names the record concerned.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No season with this id.
    case seasonNotFound(id: String)
    /// No commune with this INSEE code.
    case communeNotFound(insee: String)
    /// No event with this id.
    case eventNotFound(id: String)
    /// The event's status does not allow this action (e.g. confirming a cancelled evening).
    case invalidTransition(eventID: String, from: EventStatus, action: EventChangeKind)
    /// A move to the slot the event already has.
    case unchangedMove(eventID: String)
    /// A plan lists an event that the database holds under another season.
    case eventInOtherSeason(eventID: String, storedSeason: String, planSeason: String)
    /// The evening already has a record.
    case alreadyRecorded(eventID: String)
    /// The evening has no record to correct.
    case notRecorded(eventID: String)
    /// A field of a record or partner is invalid.
    case invalidValue(field: String, reason: String)
    /// A database failure wrapped to carry a row's context.
    case database(DatabaseError)
    /// No outbox message with this id.
    case outboxMessageNotFound(id: Int64)
    /// The outbox message's status does not allow this action.
    case invalidOutboxTransition(id: Int64, from: OutboxStatus, action: String)
    /// A stored row holds a value the program cannot read (written past the schema by another tool).
    case malformedRow(MalformedRow)

    /// One sentence for the user; names ids and fields, never personal data.
    public var description: String {
        switch self {
        case .seasonNotFound(let id): return "no season \(id)"
        case .communeNotFound(let insee): return "no commune with INSEE code \(insee)"
        case .eventNotFound(let id): return "no event \(id)"
        case .invalidTransition(let id, let from, let action):
            return "event \(id) is \(from.rawValue): cannot apply \(action.rawValue)"
        case .unchangedMove(let id): return "event \(id) already has that date and time"
        case .eventInOtherSeason(let id, let stored, let plan):
            return "event \(id) belongs to season \(stored), not \(plan)"
        case .alreadyRecorded(let id): return "event \(id) already has a record"
        case .notRecorded(let id): return "event \(id) has no record to amend"
        case .invalidValue(let field, let reason): return "\(field): \(reason)"
        case .database(let error): return error.description
        case .outboxMessageNotFound(let id): return "no outbox message \(id)"
        case .invalidOutboxTransition(let id, let from, let action):
            return "outbox message \(id) is \(from.rawValue): cannot \(action)"
        case .malformedRow(let row): return row.description
        }
    }
}
