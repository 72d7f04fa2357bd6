/// The placeholders a template may use, each filled from the event, its commune, the evening's
/// record or the daemon's configuration.
public enum Placeholder: String, CaseIterable, Sendable {
    /// The commune's name.
    case commune
    /// The evening's date written out in French, e.g. "vendredi 4 juin 2027".
    case date
    /// For a move notice, the date the mairie knew before, written out like `date`.
    case ancienneDate = "ancienne_date"
    /// Start time, Paris, `HH:MM`.
    case debut
    /// End time, Paris, `HH:MM`.
    case fin
    /// Where the evening takes place (the village; the store keeps no finer place).
    case lieu
    /// The mairie's first contact, name and role.
    case contactMairie = "contact_mairie"
    /// Who to call on the evening (configuration).
    case contactSoiree = "contact_soiree"
    /// The season's name.
    case saison
    /// The vehicle or company running the evening.
    case vehicule
    /// The event's identifier, for the staff's `tournee record`.
    case evenement
    /// Attendance recorded for the evening.
    case participants
    /// Volunteers recorded for the evening.
    case benevoles
    /// Animations recorded, comma-separated.
    case animations
    /// Local spending recorded, in euros.
    case depensesLocales = "depenses_locales"
    /// The signature (configuration).
    case signature

    /// Whether the value comes from the evening's record, so a rule using it must require one.
    public var needsRecord: Bool {
        switch self {
        case .participants, .benevoles, .animations, .depensesLocales: true
        default: false
        }
    }

    /// Whether the value exists only for an evening that moved, so a rule using it must be
    /// triggered by a move.
    public var needsMove: Bool { self == .ancienneDate }
}
