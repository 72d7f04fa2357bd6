import Foundation

/// Paths the tests read: the repository and the shared data copied into `Tests/Fixtures/shared-data`.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = repository.appendingPathComponent("Tests/Fixtures/shared-data")

    static func sharedText(_ name: String) throws -> String {
        try String(contentsOf: sharedData.appendingPathComponent(name), encoding: .utf8)
    }
}
