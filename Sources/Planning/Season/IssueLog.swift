/// Collects the issues found while reading a season, so every fault is reported at once.
final class IssueLog {
    private(set) var issues: [SeasonIssue] = []

    var hasErrors: Bool { errorCount > 0 }

    var errorCount: Int { issues.filter { $0.severity == .error }.count }

    func error(_ file: String, line: Int?, key: String?, _ message: String) {
        issues.append(SeasonIssue(.error, file: file, line: line, key: key, message: message))
    }

    func warning(_ file: String, line: Int?, key: String?, _ message: String) {
        issues.append(SeasonIssue(.warning, file: file, line: line, key: key, message: message))
    }

    func append(contentsOf more: [SeasonIssue]) { issues.append(contentsOf: more) }
}
