import TextFormats

/// Why a configuration file (daemon settings, reminder policy, template) was refused: the file,
/// the line when known, the key path and what was expected, in French for the operator.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not text: its bytes are not UTF-8 from `line` on.
    case notText(file: String, line: Int, reason: String)
    /// The file is not well-formed JSON.
    case syntax(file: String, line: Int, message: String)
    /// A key is missing, unknown or holds a wrong value.
    case invalid(file: String, line: Int?, key: String, expected: String)
    /// Several of the above, in the order found (a file read in `.collectAll` mode).
    case several([ConfigurationError])

    /// A refusal from a text file that could not be read.
    public init(_ error: TextFileError) {
        if case .notUTF8(let path, let line, _) = error {
            self = .notText(file: path, line: line, reason: error.reason)
        } else {
            self = .unreadable(file: error.path, reason: error.reason)
        }
    }

    /// A refusal from an issue the JSON reader logged; the root's key is called « (racine) ».
    public init(_ issue: FileIssue) {
        self = .invalid(file: issue.file, line: issue.line, key: issue.key ?? "(racine)", expected: issue.message)
    }

    /// The errors of `log` as one refusal (the error alone when there is one), nil when none.
    public init?(_ log: IssueLog) {
        let errors = log.issues.filter { $0.severity == .error }.map(ConfigurationError.init)
        guard let first = errors.first else { return nil }
        self = errors.count == 1 ? first : .several(errors)
    }

    /// One line per fault: `FILE:LINE : clé « KEY » : attendu …`.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file) : lecture impossible : \(reason)"
        case .notText(let file, let line, let reason):
            return "\(file):\(line) : \(reason)"
        case .syntax(let file, let line, let message):
            return "\(file):\(line) : JSON invalide : \(message)"
        case .invalid(let file, let line, let key, let expected):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place) : clé « \(key) » : \(expected)"
        case .several(let errors):
            return errors.map(\.description).joined(separator: "\n")
        }
    }
}
