/// What importing a plan did, each list sorted by event id.
public struct PlanImportSummary: Equatable, Sendable {
    /// Events new to the database, inserted as proposed.
    public var inserted: [String] = []
    /// Proposed events whose data changed, updated with a new version.
    public var updated: [String] = []
    /// Events identical to the plan.
    public var unchanged: [String] = []
    /// Confirmed, done or cancelled events that the plan would change, left as they are.
    public var kept: [String] = []
    /// Proposed events of the season absent from the plan, now withdrawn.
    public var withdrawn: [String] = []
    /// Confirmed events of the season absent from the plan, left as they are.
    public var absentConfirmed: [String] = []

    /// Whether the import wrote nothing.
    public var changedNothing: Bool { inserted.isEmpty && updated.isEmpty && withdrawn.isEmpty }

    /// The events the import wrote: their evenings are the ones whose rules may now be broken.
    public var written: [String] { inserted + updated + withdrawn }
}
