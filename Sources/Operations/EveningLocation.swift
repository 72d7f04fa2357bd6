import Foundation

/// The LOCATION of an evening's calendar event, as a partner or a phone reads it: the place in the
/// village, then the commune with its département, « place de l'Église, Ambrières (51) ».
///
/// Made of the season's `place` column and the INSEE code only: the planner's free notes never
/// reach a calendar, which leaves the team.
public enum EveningLocation {
    /// « place de l'Église, Ambrières (51) », or « Ambrières (51) » without a place.
    public static func text(place: String?, communeName: String, insee: String) -> String {
        let commune = communeName + " (" + departement(insee: insee) + ")"
        guard let place = place?.trimmingCharacters(in: .whitespaces), !place.isEmpty else { return commune }
        return place + ", " + commune
    }

    /// The département code an INSEE code starts with: its first two characters (« 51 »,
    /// Corsica's « 2A » and « 2B »), three for the overseas départements, whose codes start
    /// with 97 (« 971 » Guadeloupe, « 974 » La Réunion).
    public static func departement(insee: String) -> String {
        String(insee.prefix(insee.hasPrefix("97") ? 3 : 2))
    }
}
