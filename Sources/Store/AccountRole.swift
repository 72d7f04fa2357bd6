/// What a signed-in person may do. The server checks it on every request; a page only hides
/// what the role cannot use.
public enum AccountRole: String, Sendable, CaseIterable {
    /// Records the evenings of their vehicle; sees nothing else.
    case staff
    /// Steers the seasons they were given: confirms, moves, cancels, re-plans, reads the outbox.
    case planner
}
