import Foundation

/// One line per event, `key=value` metadata, written to a sink (standard error in the daemon, an
/// array in tests); with `journald`, each line starts with `<N>` so the journal keeps the
/// priority. Loggers are passed in, never global.
public struct Logger: Sendable {
    /// Lines less severe than this are dropped.
    public var threshold: LogLevel
    /// Whether to prefix `<N>` (set when `JOURNAL_STREAM` is in the environment).
    public var journald: Bool
    private let sink: @Sendable (String) -> Void

    /// A logger writing whole lines to `sink`.
    public init(threshold: LogLevel = .info, journald: Bool = false, sink: @escaping @Sendable (String) -> Void) {
        self.threshold = threshold
        self.journald = journald
        self.sink = sink
    }

    /// A logger on standard error, unbuffered (a crash must not lose the lines before it), journald-aware from `environment`.
    public static func standardError(environment: [String: String], threshold: LogLevel = .info) -> Logger {
        Logger(threshold: threshold, journald: environment["JOURNAL_STREAM"] != nil) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }

    /// Writes `message` with its metadata in the given order; values with spaces, quotes or
    /// `=` are quoted, line breaks escaped, so one event stays one line. O(size of the line).
    public func log(_ level: LogLevel, _ message: String, _ metadata: KeyValuePairs<String, String> = [:]) {
        guard level <= threshold else { return }
        var line = journald ? "<\(level.rawValue)>" : ""
        line += level.name + " " + Self.escaped(message)
        for (key, value) in metadata {
            line += " \(key)=" + Self.quotedIfNeeded(value)
        }
        sink(line)
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func quotedIfNeeded(_ value: String) -> String {
        let plain =
            !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 32 && $0 != "\"" && $0 != "=" && $0 != "\\" && $0.value != 127 }
        return plain ? value : "\"" + escaped(value).replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
