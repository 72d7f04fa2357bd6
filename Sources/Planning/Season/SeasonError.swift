import TextFormats

/// A season that cannot be loaded or planned, with every issue found (not just the first).
public struct SeasonError: Error, Sendable {
    /// All issues, errors and warnings, in file and line order.
    public let issues: [FileIssue]
    /// Whether the season file itself could not be opened (missing, a folder, a FIFO…), which
    /// commands report as missing input rather than bad data.
    public let isMissingInput: Bool

    /// Creates an error; `missingInput` when the season file could not be opened at all.
    public init(issues: [FileIssue], missingInput: Bool = false) {
        self.issues = issues
        self.isMissingInput = missingInput
    }
}
