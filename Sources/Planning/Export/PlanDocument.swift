import CivilTime
import SeasonVocabulary

/// A `plan.json` as a whole, read back by `PlanFile.document(_:file:)`: what importing it into
/// the database needs (the season, its host communes with their mairie, every evening with its
/// instants).
public struct PlanDocument: Sendable, Equatable {
    /// The season part.
    public struct SeasonPart: Sendable, Equatable {
        /// The season's identity (`Season.slug` when it was planned), its id in the database.
        public let slug: String
        /// The display name.
        public let name: String
        /// The first and last day.
        public let period: DateRange
        /// The IANA zone of the local times (Europe/Paris).
        public let timeZone: String
    }

    /// A host commune, as an evening's `commune` object gives it.
    public struct CommunePart: Sendable, Equatable {
        /// The INSEE code.
        public let insee: String
        /// The name.
        public let name: String
        /// WGS 84 latitude of the evening's place.
        public let latitude: Double
        /// WGS 84 longitude of the evening's place.
        public let longitude: Double
        /// Inhabitants, when written.
        public let population: Int?
        /// Whether the village has a café; false when not known.
        public let hasCafe: Bool
        /// The mairie to write to, when the season gives one.
        public let mairie: MairiePart?
    }

    /// A mairie contact: a valid e-mail address and, when given, a name.
    public struct MairiePart: Sendable, Equatable {
        /// The name to greet.
        public let name: String?
        /// The address.
        public let email: String
    }

    /// One evening.
    public struct EventPart: Sendable, Equatable {
        /// The identifier.
        public let id: String
        /// The date.
        public let date: CivilDate
        /// Start on Paris clocks, and as Unix seconds.
        public let start: LocalDateTime
        /// Start instant, Unix seconds UTC.
        public let startsAt: Int64
        /// End on Paris clocks (the next day past midnight).
        public let end: LocalDateTime
        /// End instant, Unix seconds UTC.
        public let endsAt: Int64
        /// The host commune's INSEE code (its details are in `PlanDocument.communes`).
        public let insee: String
        /// The vehicle's identifier.
        public let vehicle: String
        /// The tour's name.
        public let tour: String
        /// Kilometres driven for this evening.
        public let km: Double
        /// The status.
        public let status: EventStatus
        /// The line of the file where the event starts.
        public let line: Int
    }

    /// The season.
    public let season: SeasonPart
    /// The host communes, by INSEE code.
    public let communes: [CommunePart]
    /// The evenings, in file order.
    public let events: [EventPart]
}
