/// Severity of a log line, with its syslog priority (RFC 5424 §6.2.1) for journald's `<N>` prefix.
public enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    /// Something failed and needs the operator (a parked message, a refused configuration).
    case error = 3
    /// Something went wrong and will be retried.
    case warning = 4
    /// A routine event worth a line (a message sent, a tick that queued messages).
    case info = 6
    /// Detail for diagnosis.
    case debug = 7

    /// The word written in each line.
    public var name: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "info"
        case .debug: "debug"
        }
    }

    /// More severe first: `error < info`.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
