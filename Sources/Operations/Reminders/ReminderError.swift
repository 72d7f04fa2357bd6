import Mail
import Store

/// Why a reminder could not be composed for an event; the event and rule are named, personal
/// data is not (only the field at fault).
public enum ReminderError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value from the database (name, contact, place) holds a line break or control character.
    case controlCharacter(eventID: String, field: String)
    /// No address to send to for a recipient group.
    case noRecipient(eventID: String, rule: String, group: RecipientGroup)
    /// A contact's e-mail address is not valid.
    case invalidAddress(eventID: String, field: String)
    /// The Mail layer refused the message.
    case message(eventID: String, rule: String, MessageError)
    /// The calendar attachment was refused.
    case calendar(eventID: String, CalendarError)
    /// The commune or season row is missing (the schema's foreign keys should prevent it).
    case missing(eventID: String, what: String)
    /// The event's row holds a value the program cannot read; nothing is decided for it.
    case unreadableEvent(MalformedRow)
    /// The season the database keeps for the event, whose facts the messages need, does not load.
    case seasonUnreadable(eventID: String, reason: String)

    /// A French one-line explanation for the log and the operator.
    public var description: String {
        switch self {
        case .controlCharacter(let eventID, let field):
            return "événement \(eventID) : le champ \(field) contient un saut de ligne ou un caractère de contrôle ; corriger la donnée"
        case .noRecipient(let eventID, let rule, let group):
            return "événement \(eventID), règle \(rule) : aucune adresse pour le destinataire \(group.rawValue)"
        case .invalidAddress(let eventID, let field):
            return "événement \(eventID) : adresse e-mail invalide dans \(field)"
        case .message(let eventID, let rule, let error):
            return "événement \(eventID), règle \(rule) : message refusé : \(error)"
        case .calendar(let eventID, let error):
            return "événement \(eventID) : calendrier refusé : \(error)"
        case .missing(let eventID, let what):
            return "événement \(eventID) : \(what) introuvable"
        case .seasonUnreadable(let eventID, let reason):
            return "événement \(eventID) : \(reason)"
        case .unreadableEvent(let row):
            return "événement \(row.rowID) ignoré : \(StoreText.french(row)) ; corriger la ligne (tournee db check)"
        }
    }
}
