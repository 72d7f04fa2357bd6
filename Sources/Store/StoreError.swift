import SeasonVocabulary

/// A store operation refused for a domain reason; the message names the record concerned.
public indirect enum StoreError: Error, Equatable, CustomStringConvertible {
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
    /// A field of a record or partner is invalid.
    case invalidValue(field: String, reason: String)
    /// Rows of a bulk import failed (every bad row, in input order); nothing was imported.
    case importFailed([ImportRowFailure])
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
        case .invalidValue(let field, let reason): return "\(field): \(reason)"
        case .importFailed(let failures):
            return failures.map(\.description).joined(separator: "\n") + "\nnothing imported"
        case .database(let error): return error.description
        case .outboxMessageNotFound(let id): return "no outbox message \(id)"
        case .invalidOutboxTransition(let id, let from, let action):
            return "outbox message \(id) is \(from.rawValue): cannot \(action)"
        case .malformedRow(let row): return row.description
        }
    }
}

/// One bad row of a bulk import.
public struct ImportRowFailure: Equatable, Sendable, CustomStringConvertible {
    /// The row's 0-based index in the input (the caller maps it to a file line).
    public var row: Int
    /// The event the row is about.
    public var eventID: String
    /// Why it was refused.
    public var reason: StoreError

    /// Makes a failure.
    public init(row: Int, eventID: String, reason: StoreError) {
        self.row = row
        self.eventID = eventID
        self.reason = reason
    }

    /// "row N (event ID): reason", with N counted from 1.
    public var description: String { "row \(row + 1) (event \(eventID)): \(reason)" }
}
