/// An evening as a plan gives it, before the store adds status and versions.
public struct PlannedEventRecord: Equatable, Sendable {
    /// Stable id from the plan.
    public var id: String
    /// Season id.
    public var seasonID: String
    /// INSEE code of the host commune.
    public var insee: String
    /// When it takes place.
    public var slot: EventSlot
    /// Vehicle or company that runs it.
    public var vehicle: String
    /// Tour name, when the season is cut into tours.
    public var tour: String?
    /// Kilometres driven for this evening.
    public var km: Double

    /// Makes a planned event.
    public init(
        id: String, seasonID: String, insee: String, slot: EventSlot, vehicle: String,
        tour: String?, km: Double
    ) {
        self.id = id
        self.seasonID = seasonID
        self.insee = insee
        self.slot = slot
        self.vehicle = vehicle
        self.tour = tour
        self.km = km
    }
}
