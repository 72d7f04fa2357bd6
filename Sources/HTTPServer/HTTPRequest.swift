/// A request as the handlers see it: the method, the decoded path (valid UTF-8, no `.` or `..`
/// segment), the raw query, the header fields and the body.
public struct HTTPRequest: Hashable, Sendable {
    /// The method, as sent (methods are case-sensitive: `get` is not `GET`).
    public let method: String
    /// The path, percent-decoded.
    public let path: String
    /// What followed `?` in the target, undecoded; never logged (it may hold a token).
    public let query: String?
    /// The header fields.
    public let headers: HTTPHeaders
    /// The body (at most the limit; empty without `Content-Length`).
    public let body: [UInt8]
    /// Whether the client asked to keep the connection open (HTTP/1.1 without `Connection:
    /// close`, or HTTP/1.0 with `Connection: keep-alive`).
    public let keepAlive: Bool
    /// The peer's address, set by the server (`127.0.0.1`…); a proxy's, behind one.
    public internal(set) var peerAddress: String = ""
    /// The client's address: the peer's, or the one a trusted proxy forwarded.
    public internal(set) var clientAddress: String = ""

    /// A request; the parser makes them, tests may too.
    public init(
        method: String, path: String, query: String? = nil, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = [], keepAlive: Bool = true
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.keepAlive = keepAlive
    }
}
