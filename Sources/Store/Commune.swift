/// A host commune as the store keeps it.
public struct Commune: Equatable, Sendable {
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
    public init(insee: String, name: String, latitude: Double, longitude: Double,
                population: Int?, hasCafe: Bool) {
        self.insee = insee
        self.name = name
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.hasCafe = hasCafe
    }
}

/// A person or office to write to at a commune's town hall (mairie).
public struct MairieContact: Equatable, Sendable {
    /// Name as it should appear in a greeting.
    public var name: String
    /// Role (maire, secrétaire de mairie, adjoint…), when known.
    public var role: String?
    /// E-mail address, when known.
    public var email: String?
    /// Telephone number, when known.
    public var phone: String?

    /// Makes a contact.
    public init(name: String, role: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
    }
}
