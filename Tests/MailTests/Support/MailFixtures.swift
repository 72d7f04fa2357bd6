import Foundation

/// The fixtures only the Mail tests use, in `Tests/MailTests/Fixtures` (the shared Python peers
/// are in TestSupport).
enum MailFixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
}
