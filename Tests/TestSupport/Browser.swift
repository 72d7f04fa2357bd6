import Foundation

/// Whether the browser tests can run, and where their screenshots go. Outside CI a machine
/// without Debian's `chromium` and `chromium-driver` skips them; under CI (`CI=true`) their
/// absence fails the run, since `Tests/run` installs both.
public enum Browser {
    /// The programs the tests drive.
    public static let programs = ["/usr/bin/chromium", "/usr/bin/chromedriver"]

    /// True when both programs are there, or when running under CI (so that a missing one fails
    /// instead of skipping).
    public static var shouldRun: Bool {
        programs.allSatisfy { FileManager.default.isExecutableFile(atPath: $0) } || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    private static let oneAtATime = NSLock()

    /// Runs `body` while no other browser test of this process drives a Chromium: two at once
    /// on two cores make the pages slow enough for Chromium's DevTools to lose track of nodes.
    public static func serially<T>(_ body: () throws -> T) rethrows -> T {
        oneAtATime.lock()
        defer { oneAtATime.unlock() }
        return try body()
    }

    /// The folder the screenshots of test `name` are kept in, emptied first:
    /// `.build/artefacts/browser/NAME` (kept after the run, out of git).
    public static func screenshots(_ name: String) throws -> URL {
        let folder = Repository.url(".build/artefacts/browser/\(name)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
