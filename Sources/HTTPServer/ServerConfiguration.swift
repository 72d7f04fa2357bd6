/// How the server listens and how long it waits.
public struct ServerConfiguration: Sendable {
    /// The IPv4 address to listen on (`127.0.0.1`: behind a reverse proxy).
    public var host = "127.0.0.1"
    /// The port; 0 lets the system choose (tests), read back with `HTTPServer.port`.
    public var port: UInt16 = 8080
    /// Connections served at once; one more gets 503 and is closed.
    public var maximumConnections = 64
    /// Seconds a request may take to arrive, from its first byte (408 after): a client sending a
    /// byte a second cannot hold a connection.
    public var requestTimeout = 10.0
    /// Seconds a kept-alive connection may wait for its next request before it is closed.
    public var idleTimeout = 15.0
    /// Seconds a response may take to be written to a client that does not read.
    public var writeTimeout = 10.0
    /// Seconds `stop` waits for requests in flight before closing their connections anyway.
    public var stopGrace = 10.0
    /// The request limits.
    public var limits = RequestLimits()
    /// Proxies whose `X-Forwarded-For` names the client (their own address otherwise stands).
    public var trustedProxies: Set<String> = []
    /// Path prefixes whose last segment is a secret, written `…` in the access log.
    public var redactedPrefixes: [String] = []

    /// The defaults of issue 11.
    public init() {}
}
