import TextFormats

/// A season that cannot be loaded or planned, with every issue found (not just the first).
public struct SeasonError: Error, Sendable {
    /// All issues, errors and warnings, in file and line order.
    public let issues: [FileIssue]
}
