/// The places of a season's routing problem: each season vehicle's base, then one copy of each
/// commune it may serve (a commune served by two vehicles is two locations, one per vehicle).
struct SeasonProblemPlaces {
    /// The position of each location.
    var coordinates: [Coordinate] = []
    /// The INSEE code of each location, when known (a base may have none).
    var insee: [String?] = []
    /// The commune index of each location (nil for a base).
    var locationCommune: [Int?] = []
    /// The season vehicle each location belongs to.
    var locationVehicle: [Int] = []
    /// The base location of each season vehicle.
    var vehicleBase: [Int] = []
    /// The location of each commune a season vehicle may serve, by vehicle then commune index.
    var communeLocation: [[Int: Int]]

    /// How many locations there are.
    var count: Int { coordinates.count }

    /// Lays out the places of `season`. O(vehicles × communes × tours).
    init(season: Season) {
        communeLocation = Array(repeating: [:], count: season.vehicles.count)
        for (v, vehicle) in season.vehicles.enumerated() {
            vehicleBase.append(coordinates.count)
            append(vehicle.base.coordinate, insee: vehicle.base.insee, commune: nil, vehicle: v)
            let tours = season.tours.filter { $0.vehicleID == vehicle.id }
            for (c, commune) in season.communes.enumerated() where tours.contains(where: { Self.joins(commune, $0) }) {
                communeLocation[v][c] = coordinates.count
                append(commune.coordinate, insee: commune.insee, commune: c, vehicle: v)
            }
        }
    }

    /// Whether a commune takes part in a tour (no tours listed means all of them).
    static func joins(_ commune: Commune, _ tour: Tour) -> Bool {
        commune.tours.isEmpty || commune.tours.contains(tour.name)
    }

    private mutating func append(_ coordinate: Coordinate, insee code: String?, commune: Int?, vehicle: Int) {
        coordinates.append(coordinate)
        insee.append(code)
        locationCommune.append(commune)
        locationVehicle.append(vehicle)
    }
}
