/// The placeholders a template may use, each filled from the event, its commune, the season the
/// database keeps, the evening's record or the daemon's configuration. One that has no value for
/// an evening (no place known, no organiser configured) takes its whole line out of the message.
public enum Placeholder: String, CaseIterable, Sendable {
    /// The commune's name.
    case commune
    /// « à » and the commune's name, contracted: « au Vey », « aux Monts-Verts », « à Curel ».
    case aCommune = "a_commune"
    /// « de » and the commune's name, contracted: « du Vey », « des Monts-Verts », « d'Ambrières ».
    case deCommune = "de_commune"
    /// The evening's date written out in French, e.g. "vendredi 4 juin 2027".
    case date
    /// For a move notice, the date the mairie knew before, written out like `date`.
    case ancienneDate = "ancienne_date"
    /// Start time on Paris clocks, written out: « 18 h 30 », « 21 h ».
    case debut
    /// End time on Paris clocks, written like `debut`.
    case fin
    /// Where in the village the evening takes place (the communes file's `place`).
    case lieu
    /// When the team arrives: the start minus the vehicle's `setupMinutes`, written like `debut`.
    case arrivee
    /// What the commune is asked to provide (the vehicle's `communeProvides`), `a ; b ; c`.
    case demandes
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
    /// The organiser's name (configuration `organiser.name`).
    case organisateur
    /// The organiser's phone number (configuration `organiser.phone`).
    case telephoneOrganisateur = "telephone_organisateur"
    /// The organiser's postal address (configuration `organiser.address`).
    case adresseOrganisateur = "adresse_organisateur"
    /// The link by which the mairie answers, once the mairie-answers service gives one.
    case lienReponse = "lien_reponse"
    /// The address of the evening's record form on `tourneed`'s pages, when they are served.
    case lienSaisie = "lien_saisie"
    /// The command that records the evening on the server, when the pages are not served.
    case commandeSaisie = "commande_saisie"
    /// The address of the season's board on `tourneed`'s pages, when they are served.
    case lienTableau = "lien_tableau"
    /// What the mairie answered by its link, in words: « accord pour la soirée ».
    case reponse
    /// The other dates the mairie picked, written out like `date`, comma-separated.
    case datesChoisies = "dates_choisies"
    /// The mairie's comment, when it left one.
    case commentaire
    /// What the answer did to the evening: « confirmée », « à décider par le planificateur ».
    case suiteDonnee = "suite_donnee"
    /// What the answer did, told to the mairie in a sentence: « La soirée est confirmée. »
    case suitePourLaMairie = "suite_pour_la_mairie"
    /// The address the mairie answered from.
    case adresseReponse = "adresse_reponse"
    /// The day the request for agreement left, written out like `date`.
    case dateDemande = "date_demande"
    /// The day the mairie answered by its link, written out like `date`, when its answer made
    /// the change the message tells (it chose the new date, it called the evening off).
    case dateReponse = "date_reponse"
    /// Empty, and present only when the mairie's own answer made the change: a line holding it
    /// is kept only then (« Comme vous l'avez choisi… »).
    case siAVotreDemande = "si_a_votre_demande"
    /// Empty, and present only when the organiser made the change: a line holding it is kept
    /// only then (the apology).
    case siDeNotreFait = "si_de_notre_fait"

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

    /// Whether the value comes from a mairie's answer, so a rule using it must be triggered by
    /// one (`answered`).
    public var needsAnswer: Bool {
        [.reponse, .datesChoisies, .commentaire, .suiteDonnee, .suitePourLaMairie, .adresseReponse].contains(self)
    }

    /// Whether the value exists only for a request left unanswered (`unanswered`).
    public var needsRequest: Bool { self == .dateDemande }

    /// Whether the value comes from the configuration's `organiser`, so a template using it
    /// needs one.
    public var needsOrganiser: Bool { [.organisateur, .telephoneOrganisateur, .adresseOrganisateur].contains(self) }
}
