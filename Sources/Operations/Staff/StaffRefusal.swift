/// Why a record form was not taken; nothing was written. The texts are for the person on the
/// village square: no command line, no identifier.
public enum StaffRefusal: Error, Equatable, Sendable {
    /// Not an evening this account may record — another vehicle's, another season's, or none
    /// (the three look alike, so that ids of other seasons cannot be probed).
    case notYours
    /// The form's key was already used for another evening or by someone else.
    case reusedForm
    /// The evening has not started yet.
    case notStarted
    /// The mairie never confirmed the evening: a planner decides.
    case notConfirmed
    /// The evening was cancelled or withdrawn.
    case calledOff
    /// The first record of an evening needs the number of people.
    case attendanceMissing

    /// The explanation in French.
    public var description: String {
        switch self {
        case .notYours: "Cette soirée n'est pas dans vos soirées : rien n'a été enregistré."
        case .reusedForm: "Ce formulaire a déjà servi pour une autre soirée : rouvrez la soirée et saisissez de nouveau."
        case .notStarted: "La soirée n'a pas encore commencé : elle s'enregistre une fois commencée."
        case .notConfirmed: "La mairie n'a pas confirmé cette soirée : prévenez le planificateur, qui peut l'enregistrer."
        case .calledOff: "Cette soirée a été annulée : rien n'a été enregistré."
        case .attendanceMissing: "Indiquez le nombre de personnes présentes."
        }
    }
}
