/// A French commune as listed in the national file (INSEE COG 2026, populations 2023).
public struct DirectoryCommune: Sendable {
    /// The INSEE code, a string that keeps its leading zero ("01001", "2A004").
    public let insee: String
    /// The official name.
    public let name: String
    /// The département code ("52").
    public let departement: String
    /// The municipal population.
    public let population: Int
    /// The town hall's position (or the commune's centroid); nil for the few communes the
    /// national file gives no position.
    public let coordinate: Coordinate?
    /// The SIREN of its intercommunalité (EPCI), if any.
    public let epciSiren: String
    /// The EPCI's name.
    public let epciName: String
}
