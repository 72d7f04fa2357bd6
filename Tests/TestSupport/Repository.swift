import Foundation

/// The repository the tests run in, found from this file's path, so that every test target reads
/// the shipped seasons, configuration and fixtures from the same place.
public enum Repository {
    /// The repository root: this file is `<root>/Tests/TestSupport/Repository.swift`.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder by its path from the root (`tours/guinguette-2027`, `config`).
    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// The UTF-8 text of a file by its path from the root.
    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }
}
