/// Why a calendar or one of its events was refused; each case names the field at fault.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The event ends at or before its start.
    case endNotAfterStart(uid: String)
    /// A TEXT value holds a control character other than tab and line breaks (RFC 5545 §3.3.11).
    case controlCharacter(field: String)
    /// A required value is empty.
    case empty(field: String)
    /// The URL is not printable ASCII without spaces (RFC 5545 §3.3.13, RFC 3986).
    case invalidURL(String)
    /// Latitude or longitude out of range (RFC 5545 §3.8.1.6).
    case invalidGeo(latitude: Double, longitude: Double)
    /// SEQUENCE must be a non-negative integer (RFC 5545 §3.8.7.4).
    case negativeSequence(Int)

    /// A French explanation naming the field, for the operator.
    public var description: String {
        switch self {
        case .endNotAfterStart(let uid):
            return "événement \(uid) : la fin n'est pas après le début"
        case .controlCharacter(let field):
            return "champ \(field) : caractère de contrôle interdit"
        case .empty(let field):
            return "champ \(field) : valeur vide"
        case .invalidURL(let url):
            return "URL invalide \(url.debugDescription)"
        case .invalidGeo(let latitude, let longitude):
            return "coordonnées hors limites \(latitude);\(longitude)"
        case .negativeSequence(let value):
            return "SEQUENCE négative \(value)"
        }
    }
}
