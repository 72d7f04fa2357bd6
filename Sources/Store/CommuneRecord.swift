/// The stored row of a host commune.
public struct CommuneRecord: Equatable, Sendable {
    /// INSEE code (five characters; Corsica has letters: 2A004).
    public var insee: String
    /// Official name.
    public var name: String
    /// WGS 84 latitude in degrees.
    public var latitude: Double
    /// WGS 84 longitude in degrees.
    public var longitude: Double
    /// Population, when known.
    public var population: Int?
    /// Whether the village still has a café.
    public var hasCafe: Bool

    /// Makes a commune.
    public init(
        insee: String, name: String, latitude: Double, longitude: Double,
        population: Int?, hasCafe: Bool
    ) {
        self.insee = insee
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.hasCafe = hasCafe
    }
}
