/// One line of the access log: what was asked and answered, never the query string nor the
/// part of a path after a prefix route's `/m/` (a token): the log is readable by more people
/// than the mairies' links should be.
public struct AccessLogEntry: Hashable, Sendable {
    /// The client's address (forwarded by a trusted proxy, or the peer's).
    public let peer: String
    /// The method, or `-` when the request line could not be read.
    public let method: String
    /// The path without its query; `redacted` replaced a token.
    public let path: String
    /// The status sent (or 0 when the connection was closed without an answer).
    public let status: Int
    /// The body's length sent.
    public let bytes: Int
    /// Milliseconds from the first byte of the request to the last of the answer.
    public let milliseconds: Int
}
