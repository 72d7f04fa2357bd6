import Foundation
import Routing

/// The copy of the project's shared data in `Tests/Fixtures/shared-data` (public and school
/// holidays, the communes extract, the benchmark instances), read by several test targets.
public enum SharedData {
    /// The folder's path from the repository root.
    public static let relativePath = "Tests/Fixtures/shared-data"

    /// The folder.
    public static let folder = Repository.url(relativePath)

    /// The text of a file of the folder (`jours-feries-2023-2030.csv`, `bench/bks.csv`); an error
    /// that names the missing file otherwise.
    public static func text(_ name: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw SupportError("shared data missing: \(url.path) (expected in \(relativePath))")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}

/// The benchmark instances and their best-known results, in `Tests/Fixtures/shared-data/bench`.
public enum BenchmarkData {
    /// The folder's path from the repository root, as a user types it in a command.
    public static let relativePath = SharedData.relativePath + "/bench"

    /// The folder.
    public static let folder = Repository.url(relativePath)

    /// The path of a bench file from the repository root (`Tests/Fixtures/shared-data/bench/bks.csv`).
    public static func path(_ relative: String) -> String {
        relativePath + "/" + relative
    }

    /// The text of a bench file (`solomon/C101.txt`).
    public static func text(_ relative: String) throws -> String {
        try SharedData.text("bench/" + relative)
    }

    /// The bench paths (`folder/name`) of the files of a bench subfolder with the given extension,
    /// sorted by name.
    public static func files(in subfolder: String, extension fileExtension: String) throws -> [String] {
        let url = folder.appendingPathComponent(subfolder, isDirectory: true)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else {
            throw SupportError("benchmark folder missing: \(url.path) (expected in \(relativePath))")
        }
        return names.filter { $0.hasSuffix("." + fileExtension) }.sorted().map { subfolder + "/" + $0 }
    }

    /// A bench instance, read with the reader its extension selects.
    public static func instance(_ relative: String) throws -> BenchmarkInstance {
        try BenchmarkReader.parse(text(relative), fileName: relative)
    }
}
