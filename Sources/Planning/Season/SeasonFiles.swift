import Foundation
import TextFormats

/// The texts of a season's files by their name in its folder: what a load read from the folder
/// (kept in the database beside the season's events), or what the database kept (loaded again
/// to check an evening against the season as it was imported).
public struct SeasonFiles: Sendable, Equatable {
    /// One file of the season.
    public struct File: Sendable, Equatable {
        /// The name relative to the season folder (`season.json`, `communes.csv`…).
        public let name: String
        /// The whole text, as read.
        public let text: String

        /// A file of the season.
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The folder the season was read from; its last component is the season's slug.
    public var folder: URL
    /// The files in the order the loader read them, `season.json` first, each once.
    public var files: [File]

    /// Files read from (or kept for) `folder`.
    public init(folder: URL, files: [File]) {
        self.folder = folder
        self.files = files
    }

    /// The text of the file with this name, or nil.
    public func text(named name: String) -> String? { files.first { $0.name == name }?.text }
}

/// Where the loader takes a season's files from, and the texts it read, in order.
final class SeasonFileSource {
    private enum Origin {
        case folder(URL)
        case stored(SeasonFiles)
    }

    private let origin: Origin
    private(set) var read: [SeasonFiles.File] = []

    /// The files of a folder on disk.
    init(folder: URL) { origin = .folder(folder) }

    /// The files a database kept.
    init(stored: SeasonFiles) { origin = .stored(stored) }

    /// The folder the season is read from.
    var folder: URL {
        switch origin {
        case .folder(let url): url
        case .stored(let files): files.folder
        }
    }

    /// The text of the file `name`, at most `limit` bytes; remembered as read.
    func text(_ name: String, limit: Int) throws(TextFileError) -> String {
        let text: String
        switch origin {
        case .folder(let url):
            text = try TextFile.read(path: url.appendingPathComponent(name).path, limit: limit)
        case .stored(let files):
            guard let kept = files.text(named: name) else { throw .missing(path: name) }
            text = kept
        }
        if !read.contains(where: { $0.name == name }) { read.append(SeasonFiles.File(name: name, text: text)) }
        return text
    }
}
