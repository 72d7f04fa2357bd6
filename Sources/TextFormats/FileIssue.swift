/// One problem found in a file a person wrote (a season, a plan, a configuration), placed precisely
/// enough for them to fix it.
public struct FileIssue: Hashable, Sendable, CustomStringConvertible {
    /// Whether the problem stops planning.
    public enum Severity: String, Sendable {
        /// The season cannot be planned until it is fixed.
        case error
        /// Planning works but the result may not be what the planner expects.
        case warning
    }

    /// Error or warning.
    public let severity: Severity
    /// The file, as given on the command line joined with the file name.
    public let file: String
    /// The 1-based line, when known.
    public let line: Int?
    /// The JSON key path (`tours[1].end`) or CSV column (`colonne insee`), when relevant.
    public let key: String?
    /// What is wrong and what was expected, in French.
    public let message: String

    /// Creates an issue.
    public init(_ severity: Severity, file: String, line: Int?, key: String?, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// Creates an error (the severity of every refused input).
    public init(file: String, line: Int? = nil, key: String? = nil, message: String) {
        self.init(.error, file: file, line: line, key: key, message: message)
    }

    /// `file:line: key: message`, the form compilers use, so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if severity == .warning { text += "avertissement : " }
        if let key { text += "\(key) : " }
        return text + message
    }
}
