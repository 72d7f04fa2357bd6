import CivilTime

/// A season rule broken by one or more evenings: which rule, the evening it is reported on, every
/// evening involved, the explanation, and a key that names this exact breach, so that a
/// deliberate exception accepted for it can be told from a new breach of the same rule.
public struct RuleBreach: Sendable, Hashable {
    /// The rules a placed evening must keep.
    public enum Rule: String, Sendable, CaseIterable {
        /// The commune is one of the season's.
        case commune
        /// The tour is one of the season's.
        case tour
        /// The tour's own vehicle runs the evening.
        case vehicle
        /// The date is in the tour's dates.
        case tourDates = "tour-dates"
        /// The season, the vehicle and the commune allow the evening (weekday, blackout,
        /// holidays, day off, the commune's weekdays, unavailability and tours).
        case allowedEvening = "allowed-evening"
        /// The commune is within the vehicle's reach.
        case reach
        /// One evening per vehicle per evening.
        case oneEveningPerVehicle = "one-evening-per-vehicle"
        /// The minimum number of days between two visits to a commune.
        case minimumGap = "minimum-gap"
        /// A commune's `max_visits`.
        case maximumVisits = "maximum-visits"
        /// A tour holds the evenings it asks for.
        case tourEvenings = "tour-evenings"
        /// A straight-on tour's drive from one evening to the next.
        case dailyDrive = "daily-drive"
        /// A live evening on a date its commune refused (`tournee event decline`).
        case declinedDate = "declined-date"

        /// The rule in a few French words, for messages that name it.
        public var title: String {
            switch self {
            case .commune: "commune de la saison"
            case .tour: "tournée de la saison"
            case .vehicle: "véhicule de la tournée"
            case .tourDates: "dates de la tournée"
            case .allowedEvening: "soirées permises par la saison, le véhicule et la commune"
            case .reach: "distance depuis la base"
            case .oneEveningPerVehicle: "une soirée par véhicule et par soir"
            case .minimumGap: "écart minimal entre deux visites"
            case .maximumVisits: "visites au plus par commune"
            case .tourEvenings: "soirées demandées par la tournée"
            case .dailyDrive: "trajet d'un jour"
            case .declinedDate: "date refusée par la commune"
            }
        }
    }

    /// The rule broken.
    public let rule: Rule
    /// The evening the breach is reported on; nil when it is the tour's as a whole.
    public let eventID: String?
    /// Every evening involved, by identifier.
    public let eventIDs: [String]
    /// What is wrong, in French (as the planner's explanations say it).
    public let message: String
    /// The rule and the evenings involved (with their dates, when the rule depends on them):
    /// the same breach always has the same key, another breach of the rule another one.
    public let key: String

    /// A breach reported on `event`; `involved` (with their dates) name it in its key.
    init<Evening: PlacedEvening>(_ rule: Rule, on event: Evening?, involving involved: [Evening], dated: Bool = true, _ message: String) {
        self.rule = rule
        eventID = event?.id
        eventIDs = involved.map(\.id).sorted()
        self.message = message
        let parts = involved.map { dated ? "\($0.id)@\($0.date)" : $0.id }.sorted()
        key = rule.rawValue + ":" + parts.joined(separator: ",")
    }

    /// A breach of a tour as a whole (no evening to report it on).
    init(tour: String, _ message: String) {
        rule = .tourEvenings
        eventID = nil
        eventIDs = []
        self.message = message
        key = Rule.tourEvenings.rawValue + ":" + tour
    }
}
