import CivilTime

/// What a tour map shows, whatever it is drawn from: the evenings of a plan, or the evenings a
/// report counts. `TourMapSVG` draws it.
public struct TourMap: Sendable {
    /// What a commune's mark says.
    public enum Visit: Sendable {
        /// It hosts at least one of the map's evenings.
        case served
        /// It wanted a visit (`min_visits` ≥ 1) and the plan has none.
        case missed
        /// It accepted a visit without asking for one (`min_visits` 0) and the plan has none.
        case optional
    }

    /// A commune on the map.
    public struct Commune: Sendable {
        /// Its name.
        public var name: String
        /// Its position.
        public var coordinate: Coordinate
        /// Its mark's radius in drawing units (by population, by public…).
        public var radius: Double
        /// Whether and how it is visited.
        public var visit: Visit

        /// A commune mark.
        public init(name: String, coordinate: Coordinate, radius: Double, visit: Visit) {
            self.name = name
            self.coordinate = coordinate
            self.radius = radius
            self.visit = visit
        }
    }

    /// One evening of a tour: its date and its commune (an index into `communes`).
    public struct Stop: Sendable {
        /// The evening.
        public var date: CivilDate
        /// Index of its commune in `TourMap.communes`.
        public var commune: Int

        /// An evening at a commune.
        public init(date: CivilDate, commune: Int) {
            self.date = date
            self.commune = commune
        }
    }

    /// A tour: its evenings in date order, and how its vehicle drives between them when known.
    public struct Tour: Sendable {
        /// Its name, as the legend shows it.
        public var name: String
        /// The vehicle's base; nil when not known (the legs are then not drawn).
        public var base: Place?
        /// How the vehicle drives; nil when not known.
        public var travel: TravelPolicy?
        /// Its evenings in date order.
        public var stops: [Stop]

        /// A tour.
        public init(name: String, base: Place?, travel: TravelPolicy?, stops: [Stop]) {
            self.name = name
            self.base = base
            self.travel = travel
            self.stops = stops
        }
    }

    /// The title over the map.
    public var title: String
    /// The communes, in the order their labels are placed (the first get the room first).
    public var communes: [Commune]
    /// The tours, in the order of their colours.
    public var tours: [Tour]
    /// What the marks' size means (« taille selon la population »).
    public var sizeNote: String
    /// Lines of figures under the legend.
    public var figures: [String]

    /// A map.
    public init(title: String, communes: [Commune], tours: [Tour], sizeNote: String, figures: [String]) {
        self.title = title
        self.communes = communes
        self.tours = tours
        self.sizeNote = sizeNote
        self.figures = figures
    }

    /// Every evening numbered in date order over all tours (a tie by tour order): the number of
    /// each tour's stops, by tour then stop.
    public var numbers: [[Int]] {
        let order = tours.enumerated().flatMap { t, tour in
            tour.stops.enumerated().map { (tour: t, stop: $0.offset, date: $0.element.date) }
        }
        .sorted { ($0.date, $0.tour, $0.stop) < ($1.date, $1.tour, $1.stop) }
        var numbers = tours.map { [Int](repeating: 0, count: $0.stops.count) }
        for (rank, entry) in order.enumerated() { numbers[entry.tour][entry.stop] = rank + 1 }
        return numbers
    }
}
