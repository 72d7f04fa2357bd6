/// What kind of partner took part in an evening.
public enum PartnerKind: String, Sendable, CaseIterable {
    /// A local association (club, comité des fêtes…).
    case association
    /// A local producer selling at the evening's market.
    case producer
    /// A musician, company, or other performer.
    case artist
    /// A food truck.
    case foodTruck = "food_truck"
    /// Anything else.
    case other
}

/// A reusable partner record, shared by every evening it took part in.
public struct Partner: Equatable, Sendable {
    /// Row id.
    public var id: Int64
    /// Name as first entered (spaces tidied).
    public var name: String
    /// Kind.
    public var kind: PartnerKind
}
