import CivilTime
import Foundation

/// An evening that cannot be recorded now, and why; nothing was written.
public enum RecordingRefusal: Error, Equatable, Sendable {
    /// The evening starts at `startsAt`, after `now` (Unix seconds): figures come once it has begun.
    case notStarted(eventID: String, startsAt: Int64, now: Int64)
    /// The evening is still only proposed: the mairie never confirmed it.
    case notConfirmed(eventID: String)

    /// The refusal in French, in one line that says what to do.
    public var reason: String {
        switch self {
        case .notStarted(let id, let startsAt, let now):
            return
                "la soirée \(id) n'a pas commencé : elle commence le \(Self.paris(startsAt)) (heure de Paris), il est le \(Self.paris(now)) ; elle s'enregistre une fois commencée"
        case .notConfirmed(let id):
            return
                "la soirée \(id) est encore proposée : la mairie ne l'a jamais confirmée ; confirmez-la (tournee event confirm \(id) --reason TEXTE), ou, si elle a bien eu lieu, --force --reason TEXTE l'enregistre quand même (la raison est gardée dans l'historique)"
        }
    }

    /// "2027-07-10 à 18:30", as Paris clocks show the instant.
    private static func paris(_ instant: Int64) -> String {
        let civil = ParisTime.civil(Date(timeIntervalSince1970: Double(instant)))
        return "\(civil.date) à \(civil.time)"
    }
}
