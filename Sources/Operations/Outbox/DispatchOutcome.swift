import Mail

/// What happened to one claimed message.
public enum DispatchOutcome: Equatable, Sendable {
    /// Accepted by the transport; `refused` lists recipients refused one by one (reported).
    case sent(id: Int64, refused: [RecipientFailure])
    /// A temporary failure: queued again for `retryAt`; `transportDown` when the transport failed
    /// as a whole rather than for this message's recipients.
    case retrying(id: Int64, retryAt: Int64, error: String, transportDown: Bool)
    /// A permanent failure or too many attempts: parked for the operator.
    case parked(id: Int64, error: String)
}

/// What a dispatch round did and whether the transport asked for a pause.
public struct DispatchRound: Sendable {
    /// Each claimed message's outcome, in order.
    public var outcomes: [DispatchOutcome] = []
    /// When the transport failed as a whole (relay down), no message is tried before this instant.
    public var pausedUntil: Int64?

    /// An empty round.
    public init() {}
}
