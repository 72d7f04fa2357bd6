import TextFormats

/// A records input refused before anything is written: names the file, line or key and what was
/// expected, in French for the staff who typed it.
public struct RecordsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One problem: where it is and what is wrong — the same issue a season or a configuration
    /// reports, so every refusal reads alike.
    public typealias Problem = FileIssue

    /// Every problem found, in input order.
    public var problems: [Problem]

    /// Makes an error from its problems.
    public init(_ problems: [Problem]) { self.problems = problems }

    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
