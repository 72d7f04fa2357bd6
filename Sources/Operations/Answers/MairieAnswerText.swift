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

    /// What the mairie said, as a message to it words it: « accord pour la soirée ».
    public static func words(_ choice: MairieAnswer.Choice) -> String {
        switch choice {
        case .accepted: "accord pour la soirée"
        case .otherDates: "cette date ne convient pas"
        case .declinedSeason: "la commune ne pourra pas accueillir de soirée cette saison"
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

    /// What the answer did, as the mairie's acknowledgement tells it.
    public static func toldToTheMairie(_ outcome: MairieAnswer.Outcome) -> String {
        switch outcome {
        case .confirmed, .unchanged: "La soirée est confirmée : nous vous enverrons les détails pratiques une semaine avant."
        case .moved: "La soirée est déplacée à la date choisie, et confirmée."
        case .declined, .cancelled: "La soirée n'aura pas lieu ; merci de nous l'avoir dit."
        case .forPlanner: "Notre équipe de planification étudie votre réponse et revient vers vous très vite."
        }
    }
}
