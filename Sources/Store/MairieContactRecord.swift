/// A person or office to write to at a commune's town hall (mairie).
public struct MairieContactRecord: Equatable, Sendable {
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
