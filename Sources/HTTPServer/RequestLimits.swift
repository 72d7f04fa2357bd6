/// How much of a request the server reads before refusing it.
public struct RequestLimits: Hashable, Sendable {
    /// The request line and the header fields with their line ends (431 beyond).
    public var headBytes = 16 * 1024
    /// The request line alone (414 beyond).
    public var requestLineBytes = 8 * 1024
    /// The number of header fields (431 beyond).
    public var headerCount = 100
    /// The body (413 beyond).
    public var bodyBytes = 64 * 1024

    /// The limits of issue 11: 16 KiB of head, 100 fields, 64 KiB of body.
    public init() {}
}
