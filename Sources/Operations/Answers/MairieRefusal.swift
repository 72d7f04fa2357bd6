/// Why a mairie's answer was not taken; nothing was written. In French, for the mairie.
public enum MairieRefusal: Error, Equatable, Sendable {
    /// Less than a week before the evening: answers are changed by telephone then.
    case tooLate
    /// The evening was called off or withdrawn.
    case calledOff
    /// The form's key was already used for another evening.
    case reusedForm

    /// The explanation.
    public var description: String {
        switch self {
        case .tooLate: "La soirée a lieu dans moins d'une semaine : pour changer la réponse, appelez l'organisateur."
        case .calledOff: "Cette soirée n'est plus prévue : rien n'a été enregistré."
        case .reusedForm: "Ce formulaire a déjà servi : rouvrez le lien reçu par courriel."
        }
    }
}
