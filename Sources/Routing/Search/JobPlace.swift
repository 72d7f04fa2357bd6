/// Where a job is during the search: in a route, unassigned, or detached (taken out of its route
/// by a move or a ruin and not yet placed again nor released). Four bytes, so that the search's
/// table of places stays a flat array that `SearchState.assign` copies cheaply.
struct JobPlace: Equatable, Sendable {
    /// The route index, or one of the negative markers below.
    private let raw: Int32

    private init(raw: Int32) { self.raw = raw }

    /// Not in any route: counted in the unassigned list and priced by the objective.
    static let unassigned = JobPlace(raw: -1)
    /// Out of its route but not yet unassigned: the move that took it out must place it elsewhere
    /// or release it.
    static let detached = JobPlace(raw: -2)

    /// In route `index`.
    @inline(__always) static func route(_ index: Int) -> JobPlace { JobPlace(raw: Int32(index)) }

    /// The route holding the job, nil when it is unassigned or detached.
    @inline(__always) var route: Int? { raw >= 0 ? Int(raw) : nil }
}
