/// Events read from the database, and the rows that could not be read, set aside.
public struct EventListing: Equatable, Sendable {
    /// The readable events, in the query's order.
    public var events: [Event] = []
    /// The rows refused, each naming its id and the column at fault.
    public var unreadable: [MalformedRow] = []

    /// An empty listing.
    public init() {}
}
