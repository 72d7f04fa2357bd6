import CivilTime
import Foundation

/// A season of evenings to plan: the period, the rules for evenings, the tours, the vehicles and
/// the host communes, as read from `tours/NAME/season.json` and its communes CSV.
public struct Season: Sendable {
    /// The season's display name ("La Guinguette mobile 2027").
    public var name: String
    /// The folder the season was read from.
    public var directory: URL
    /// The first and last day of the season.
    public var period: DateRange
    /// Which evenings are allowed.
    public var evenings: EveningRules
    /// The tours, in file order.
    public var tours: [Tour]
    /// The vans or touring companies.
    public var vehicles: [Vehicle]
    /// The communes CSV's name, relative to the season folder.
    public var communesFile: String
    /// The host communes, in CSV order.
    public var communes: [Commune]
    /// The minimum number of days between two visits to one commune.
    public var minDaysBetweenVisits: Int
    /// The objective's weights.
    public var objective: ObjectiveWeights
    /// The seed that makes planning reproducible.
    public var seed: UInt64
    /// How distances between places are obtained.
    public var distances: DistanceSource

    /// The vehicle with the given identifier.
    public func vehicle(id: String) -> Vehicle? { vehicles.first { $0.id == id } }

    /// The vehicles by identifier, the first of a repeated one as `vehicle(id:)` finds it, for the
    /// loops that ask for the vehicle of each of many tours. O(vehicles).
    var vehiclesByID: [String: Vehicle] { Dictionary(vehicles.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }) }
}

/// Whether a kind of day is avoided, allowed, or preferred.
public enum DayPolicy: String, CaseIterable, Sendable {
    /// Never plan an evening on such a day.
    case avoid
    /// Such a day is an ordinary day.
    case allow
    /// Such a day is allowed and earns the preference bonus.
    case prefer
}

/// The rules that decide which evenings of the period may hold an event.
public struct EveningRules: Sendable {
    /// The weekdays on which evenings may be held.
    public var weekdays: [Weekday]
    /// The local time the evening starts (Europe/Paris).
    public var start: LocalTime
    /// The local time the evening ends; earlier than `start` means after midnight.
    public var end: LocalTime
    /// Dates on which no evening is held, with an optional reason.
    public var blackouts: [Blackout]
    /// What to do on public holidays.
    public var publicHolidays: DayPolicy
    /// Whether the Alsace-Moselle holidays apply too.
    public var alsaceMoselle: Bool
    /// Optional school-holiday rule.
    public var schoolHolidays: SchoolHolidayRule?

    /// The evening's length in minutes (crossing midnight when `end` is before `start`).
    public var durationMinutes: Int {
        let minutes = end.minutesSinceMidnight - start.minutesSinceMidnight
        return minutes > 0 ? minutes : minutes + 24 * 60
    }
}

/// A range of dates without evenings.
public struct Blackout: Sendable {
    /// The dates.
    public var dates: DateRange
    /// Why, if the planner said ("Fête de la ville").
    public var reason: String?
}

/// How school holidays of one zone affect evenings.
public struct SchoolHolidayRule: Sendable {
    /// The zone: "A", "B" or "C".
    public var zone: String
    /// Avoid, allow or prefer those days.
    public var policy: DayPolicy
    /// The holiday periods of that zone, read from the CSV the season names.
    public var periods: [SchoolHolidayPeriod]

    /// The school years (named by the year they start in September) that meet `dates` but of
    /// which the file lists no holiday: on those days school holidays are unknown, not absent.
    public func unknownSchoolYears(in dates: DateRange) -> [Int] {
        func schoolYear(_ date: CivilDate) -> Int { date.month >= 9 ? date.year : date.year - 1 }
        let known = Set(periods.flatMap { [schoolYear($0.days.first), schoolYear($0.days.last)] })
        return Array(schoolYear(dates.first)...schoolYear(dates.last)).filter { !known.contains($0) }
    }
}

/// A tour: a date range in which a vehicle holds a given number of evenings.
public struct Tour: Sendable {
    /// The tour's name, unique in the season ("Printemps").
    public var name: String
    /// The dates of the tour.
    public var dates: DateRange
    /// How many evenings the tour must hold.
    public var evenings: Int
    /// The identifier of the vehicle that runs it.
    public var vehicleID: String
    /// The line of the season file where the tour is written.
    public var line: Int
}

/// How a vehicle travels between two evenings.
public enum TravelPolicy: String, CaseIterable, Sendable {
    /// Back to base after each evening (the guinguette's van).
    case returnToBase
    /// Straight on to the next village when the next evening follows (a company on tour).
    case straightOn

    /// Whether the vehicle drives from the evening of `previous` straight to the one of `date`:
    /// only going straight on, to the next day's evening; otherwise it goes home in between.
    public func chains(_ previous: CivilDate, to date: CivilDate) -> Bool {
        self == .straightOn && previous.adding(days: 1) == date
    }
}

/// A named place with coordinates (a vehicle's base).
public struct Place: Sendable {
    /// The place's name.
    public var name: String
    /// The INSEE code of its commune, when known.
    public var insee: String?
    /// Its position.
    public var coordinate: Coordinate

    /// A place.
    public init(name: String, insee: String?, coordinate: Coordinate) {
        self.name = name
        self.insee = insee
        self.coordinate = coordinate
    }
}

/// A van or touring company.
public struct Vehicle: Sendable {
    /// The identifier tours refer to ("van").
    public var id: String
    /// The display name ("Le camion de la Guinguette").
    public var name: String
    /// Where it starts from and returns to.
    public var base: Place
    /// Average road speed in km/h.
    public var speedKmh: Double
    /// Cost in euros per kilometre.
    public var costPerKm: Double
    /// CO2 emitted in kilograms per kilometre.
    public var co2KgPerKm: Double
    /// Longest drive for one evening (there and back), in km, if limited.
    public var maxKmPerEvening: Double?
    /// Longest drive in one day, in km, if limited.
    public var maxKmPerDay: Double?
    /// Longest driving time in one day, in minutes, if limited.
    public var maxDrivingMinutesPerDay: Int?
    /// Minutes needed on site before the evening starts: the team arrives this long before.
    public var setupMinutes: Int
    /// What the host commune is asked to provide, each a phrase of the request to the mairie
    /// ("une prise 16 A à moins de 25 m"), in the order the season gives them.
    public var communeProvides: [String]
    /// Dates on which the vehicle does not go out.
    public var daysOff: [DateRange]
    /// Travel between consecutive evenings.
    public var travel: TravelPolicy
}

/// The mairie (town hall) contact of a host commune.
public struct MairieContact: Sendable {
    /// The contact's name, if given ("Mme Martin, secrétaire de mairie").
    public var name: String?
    /// The e-mail address.
    public var email: String
}

/// A host commune of the season.
public struct Commune: Sendable {
    /// The INSEE code ("52448"), unique in the season.
    public var insee: String
    /// The commune's name.
    public var name: String
    /// Where the evening takes place (the town hall by default).
    public var coordinate: Coordinate
    /// Inhabitants.
    public var population: Int
    /// Whether the village still has a café; nil when not known.
    public var hasCafe: Bool?
    /// The mairie contact, if given.
    public var mairie: MairieContact?
    /// Weekdays the commune accepts; nil means those of the season.
    public var weekdays: [Weekday]?
    /// Dates the commune cannot host (its fête patronale…).
    public var unavailable: [DateRange]
    /// Dates the commune would prefer.
    public var preferred: [DateRange]
    /// The fewest visits wanted.
    public var minVisits: Int
    /// The most visits accepted.
    public var maxVisits: Int
    /// The tours the commune takes part in; empty means all.
    public var tours: [String]
    /// Where in the village the evening takes place, as the mairie calls it ("place de
    /// l'Église", "salle des fêtes"); nil when the file does not say.
    public var place: String?
    /// The planner's free notes, never written to the mairie.
    public var notes: String?
    /// The CSV line the commune was read from.
    public var line: Int
}

/// The weights of the planning objective, in euros.
public struct ObjectiveWeights: Sendable {
    /// Penalty for each wanted visit (up to `minVisits`) that is not planned.
    public var missedVisitPenalty: Double
    /// Factor applied to that penalty for a village without a café.
    public var noCafeFactor: Double
    /// Population under which a village counts as small.
    public var smallVillagePopulation: Int
    /// Factor applied to the penalty for a small village.
    public var smallVillageFactor: Double
    /// Bonus for an evening on a date the commune prefers, or on a preferred kind of day.
    public var preferredDateBonus: Double
    /// What a re-plan pays for each evening already announced to its mairie that it moves or
    /// withdraws; nil for the default, which no kilometre saving can outweigh
    /// (`SeasonProblem.defaultStabilityPenalty`).
    public var stabilityPenalty: Double?

    /// The defaults documented in `docs/season-format.md`.
    public static let defaults = ObjectiveWeights(
        missedVisitPenalty: 400, noCafeFactor: 2, smallVillagePopulation: 500,
        smallVillageFactor: 1.5, preferredDateBonus: 30, stabilityPenalty: nil)
}

/// Where distances between places come from.
public enum DistanceSource: Sendable {
    /// Great-circle distance times a road detour factor.
    case detour(factor: Double)
    /// A matrix of road distances and times imported from a CSV file.
    case matrix(DistanceMatrixFile)
}
