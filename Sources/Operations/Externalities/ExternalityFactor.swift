/// One factor of the externality model: its value, unit and where the value comes from.
public struct ExternalityFactor: Equatable, Sendable {
    /// The value.
    public var value: Double
    /// The unit, in French ("km", "kg CO2e/km").
    public var unit: String
    /// A short citation, or "hypothèse de l'équipe" when the value is the team's assumption.
    public var source: String
    /// What it means, in French, for the report.
    public var label: String

    /// Makes a factor.
    public init(value: Double, unit: String, source: String, label: String) {
        self.value = value
        self.unit = unit
        self.source = source
        self.label = label
    }
}
