import Foundation

/// Paths the tests read: the repository and the shared data beside it (as CI lays it out).
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    static func sharedText(_ name: String) throws -> String {
        try String(contentsOf: sharedData.appendingPathComponent(name), encoding: .utf8)
    }
}
