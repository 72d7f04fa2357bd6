import Store

/// Store statuses and refusals in French, for listings and messages to the staff.
public enum StoreText {
    /// The status as an adjective ("confirmée").
    public static func french(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposée"
        case .confirmed: "confirmée"
        case .cancelled: "annulée"
        case .done: "faite"
        }
    }

    /// A store refusal in French, naming the record concerned.
    public static func french(_ error: StoreError) -> String {
        switch error {
        case .seasonNotFound(let id): return "saison inconnue « \(id) »"
        case .communeNotFound(let insee): return "commune inconnue (INSEE \(insee))"
        case .eventNotFound(let id): return "soirée inconnue « \(id) »"
        case .alreadyRecorded(let id): return "la soirée \(id) a déjà son compte rendu"
        case .invalidTransition(let id, let from, let action):
            return "la soirée \(id) est \(french(from)) : impossible de \(verb(action))"
        case .unchangedMove(let id): return "la soirée \(id) a déjà cette date et ces heures"
        case .eventInOtherSeason(let id, let stored, let plan):
            return "la soirée \(id) appartient à la saison \(stored), pas à \(plan)"
        case .invalidValue(let field, let reason): return "\(field) : \(reason)"
        case .importFailed(let failures):
            return failures.map { "ligne \($0.row + 1) (soirée \($0.eventID)) : \(french($0.reason))" }.joined(separator: "\n")
        default: return error.description
        }
    }

    private static func verb(_ action: EventChangeKind) -> String {
        switch action {
        case .imported, .replanned: "la replanifier"
        case .confirmed: "la confirmer"
        case .cancelled: "l'annuler"
        case .moved: "la déplacer"
        case .done: "l'enregistrer"
        }
    }
}
