/// Collects the issues found while reading a file a person wrote.
///
/// A season is read in `.collectAll` mode, so a planner sees every fault in one run; a daemon's
/// configuration in `.stopAtFirst` mode, where the first error is the one to fix and the readers
/// give up at once (every accessor of `JSONObjectReader` then returns nil without reading further).
public final class IssueLog {
    /// How many errors a log keeps before the readers stop.
    public enum Mode: Sendable {
        /// Go on after an error and report every fault.
        case collectAll
        /// Stop at the first error.
        case stopAtFirst
    }

    /// The mode chosen at creation.
    public let mode: Mode
    /// Every issue logged, in the order found.
    public private(set) var issues: [FileIssue] = []

    /// Makes an empty log.
    public init(mode: Mode = .collectAll) { self.mode = mode }

    /// Whether any error (not warning) was logged.
    public var hasErrors: Bool { errorCount > 0 }

    /// How many errors were logged. O(1): readers ask after every row, so counting the issues
    /// each time made reading a file with many faults quadratic.
    public private(set) var errorCount = 0

    /// The first error logged, if any.
    public var firstError: FileIssue? { issues.first { $0.severity == .error } }

    /// Whether readers should stop: an error was logged in `.stopAtFirst` mode.
    public var isStopped: Bool { mode == .stopAtFirst && hasErrors }

    /// Logs an error (ignored once the log is stopped, so only the first is kept).
    public func error(_ file: String, line: Int?, key: String?, _ message: String) {
        guard !isStopped else { return }
        issues.append(FileIssue(.error, file: file, line: line, key: key, message: message))
        errorCount += 1
    }

    /// Logs a warning.
    public func warning(_ file: String, line: Int?, key: String?, _ message: String) {
        guard !isStopped else { return }
        issues.append(FileIssue(.warning, file: file, line: line, key: key, message: message))
    }

    /// Logs issues found elsewhere.
    public func append(contentsOf more: [FileIssue]) {
        issues.append(contentsOf: more)
        errorCount += more.count { $0.severity == .error }
    }
}
