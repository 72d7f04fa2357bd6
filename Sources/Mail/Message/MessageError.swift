/// Why a message or one of its parts was refused; each case names the field at fault.
public enum MessageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field's data holds a CR or LF, which would forge a header (RFC 5322 §2.2).
    case lineBreak(field: String)
    /// The field's data holds another control character.
    case controlCharacter(field: String)
    /// The address is not a valid addr-spec (RFC 5322 §3.4.1, ASCII subset).
    case invalidAddress(field: String, address: String, reason: String)
    /// A custom header name is not a valid field name (RFC 5322 §3.6.8).
    case invalidHeaderName(String)
    /// A custom header would replace one the message sets itself.
    case reservedHeader(String)
    /// A Message-ID part is not dot-atom text (RFC 5322 §3.6.4).
    case invalidMessageID(field: String, value: String)
    /// A media type or one of its parameters is not a valid token (RFC 2045 §5.1).
    case invalidMediaType(String)
    /// An attachment file name is not printable ASCII without quotes or backslashes.
    case invalidFilename(String)
    /// The message has no To or Cc recipient.
    case noRecipient

    /// A French explanation naming the field, for the operator.
    public var description: String {
        switch self {
        case .lineBreak(let field):
            return "champ \(field) : saut de ligne interdit dans un en-tête"
        case .controlCharacter(let field):
            return "champ \(field) : caractère de contrôle interdit"
        case .invalidAddress(let field, let address, let reason):
            return "champ \(field) : adresse invalide \(address.debugDescription) (\(reason))"
        case .invalidHeaderName(let name):
            return "nom d'en-tête invalide \(name.debugDescription)"
        case .reservedHeader(let name):
            return "l'en-tête \(name) est fixé par le message lui-même"
        case .invalidMessageID(let field, let value):
            return "Message-ID : \(field) invalide \(value.debugDescription)"
        case .invalidMediaType(let value):
            return "type de contenu invalide \(value.debugDescription)"
        case .invalidFilename(let value):
            return "nom de pièce jointe invalide \(value.debugDescription) (ASCII imprimable sans guillemet ni barre oblique inverse)"
        case .noRecipient:
            return "message sans destinataire (To ou Cc)"
        }
    }

    /// Refuses CR, LF and other C0/DEL control characters (tab allowed) in `value`. O(n).
    static func checkHeaderText(_ value: String, field: String) throws(MessageError) {
        for scalar in value.unicodeScalars {
            if scalar == "\r" || scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                throw .lineBreak(field: field)
            }
            if (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                throw .controlCharacter(field: field)
            }
        }
    }
}
