/// Why a configuration file (daemon settings, reminder policy, template) was refused: the file,
/// the line when known, the key path and what was expected, in French for the operator.
public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not well-formed JSON.
    case syntax(file: String, line: Int, message: String)
    /// A key is missing, unknown or holds a wrong value.
    case invalid(file: String, line: Int?, key: String, expected: String)

    /// One line: `FILE:LINE: clé KEY : attendu …`.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file) : lecture impossible : \(reason)"
        case .syntax(let file, let line, let message):
            return "\(file):\(line) : JSON invalide : \(message)"
        case .invalid(let file, let line, let key, let expected):
            let place = line.map { "\(file):\($0)" } ?? file
            return "\(place) : clé « \(key) » : \(expected)"
        }
    }
}
