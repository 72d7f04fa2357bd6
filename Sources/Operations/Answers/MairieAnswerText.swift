import Store

/// A mairie's answer in a few French words, the same on the planners' board and in
/// `tournee answers`.
public enum MairieAnswerText {
    /// What the mairie said: « accepte », « autre date : 2027-06-02 », « refuse la saison ».
    public static func said(_ answer: MairieAnswer) -> String {
        switch answer.choice {
        case .accepted: "accepte"
        case .otherDates:
            answer.dates.isEmpty
                ? "autre date (aucune des dates proposées)" : "autre date : " + answer.dates.map(\.description).joined(separator: ", ")
        case .declinedSeason: "refuse la saison"
        }
    }

    /// What the answer did to the evening.
    public static func did(_ outcome: MairieAnswer.Outcome) -> String {
        switch outcome {
        case .confirmed: "confirmée"
        case .moved: "déplacée et confirmée"
        case .declined: "refusée"
        case .cancelled: "annulée"
        case .forPlanner: "à décider par le planificateur"
        case .unchanged: "inchangée"
        }
    }
}
