/// How long the SMTP client waits at each step before giving up with a temporary error.
public struct SMTPTimeouts: Hashable, Sendable {
    /// Establishing the TCP connection.
    public let connect: Duration
    /// Each command's reply and each write, greeting included.
    public let command: Duration
    /// The reply after the final "." of DATA, which may wait for the server's queue.
    public let dataTermination: Duration

    /// Explicit timeouts.
    public init(connect: Duration, command: Duration, dataTermination: Duration) {
        self.connect = connect
        self.command = command
        self.dataTermination = dataTermination
    }

    /// The minimums RFC 5321 §4.5.3.2 recommends (5 min per command, 10 min after DATA) and 30 s to connect.
    public static let rfc5321 = SMTPTimeouts(connect: .seconds(30), command: .seconds(300), dataTermination: .seconds(600))
}
