import CivilTime
import Foundation

extension TourMap {
    /// One evening to draw: its date, tour and commune.
    public struct Evening: Sendable {
        /// The evening's date.
        public var date: CivilDate
        /// The tour's name.
        public var tour: String
        /// The commune's INSEE code.
        public var insee: String

        /// An evening of a tour at a commune.
        public init(date: CivilDate, tour: String, insee: String) {
            self.date = date
            self.tour = tour
            self.insee = insee
        }
    }

    /// The map of `evenings` of `season` (a plan's, or the live ones of the database): every
    /// commune of the season sized by its population, the served first in the order of their
    /// first evening (their names get the room first), then those that wanted a visit, then the
    /// others; each tour with its vehicle's base and way of driving.
    public static func of(_ season: Season, evenings: [Evening], figures: [String]) -> TourMap {
        let tourOrder = Dictionary(season.tours.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let sorted = evenings.sorted { ($0.date, tourOrder[$0.tour] ?? .max) < ($1.date, tourOrder[$1.tour] ?? .max) }
        var firstEvening: [String: Int] = [:]
        for (index, evening) in sorted.enumerated() where firstEvening[evening.insee] == nil { firstEvening[evening.insee] = index }
        func rank(_ commune: Planning.Commune) -> (group: Int, first: Int) {
            if let first = firstEvening[commune.insee] { return (0, first) }
            return (commune.minVisits > 0 ? 1 : 2, 0)
        }
        let ordered = season.communes.enumerated().sorted { a, b in
            (rank(a.element).group, rank(a.element).first, a.offset) < (rank(b.element).group, rank(b.element).first, b.offset)
        }.map(\.element)
        let index = Dictionary(ordered.enumerated().map { ($0.element.insee, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let communes = ordered.map { commune in
            TourMap.Commune(
                name: commune.name, coordinate: commune.coordinate, radius: 3 + 2 * log10(Double(max(commune.population, 10))),
                visit: firstEvening[commune.insee] != nil ? .served : commune.minVisits > 0 ? .missed : .optional)
        }
        let tours = season.tours.map { tour in
            let vehicle = season.vehicle(id: tour.vehicleID)
            return TourMap.Tour(
                name: tour.name, base: vehicle?.base, travel: vehicle?.travel,
                stops: sorted.filter { $0.tour == tour.name }.compactMap { evening in
                    index[evening.insee].map { TourMap.Stop(date: evening.date, commune: $0) }
                })
        }
        return TourMap(title: season.name, communes: communes, tours: tours, sizeNote: "taille selon la population", figures: figures)
    }
}
