import TextFormats

/// A season as it was imported: the folder it came from and the text of every file read from
/// it (`season.json` first, then its communes and the other files it names), each with its
/// length and FNV-1a digest.
public struct SeasonSnapshot: Equatable, Sendable {
    /// One kept file.
    public struct File: Equatable, Sendable {
        /// The name relative to the season folder.
        public var name: String
        /// The whole text, as imported.
        public var content: String
        /// The length and digest of `content` (not cryptographic: it only marks a change).
        public var digest: ContentDigest

        /// A kept file; its digest is computed from the content.
        public init(name: String, content: String) {
            self.name = name
            self.content = content
            digest = ContentDigest(content)
        }
    }

    /// The season's id.
    public var seasonID: String
    /// The folder the files were read from, as an absolute path.
    public var folder: String
    /// When it was imported, Unix seconds UTC.
    public var importedAt: Int64
    /// Who imported it.
    public var importedBy: String
    /// The files, in the order they were read.
    public var files: [File]

    /// Makes a snapshot.
    public init(seasonID: String, folder: String, importedAt: Int64, importedBy: String, files: [File]) {
        self.seasonID = seasonID
        self.folder = folder
        self.importedAt = importedAt
        self.importedBy = importedBy
        self.files = files
    }

    /// Whether both hold the same files with the same texts, byte for byte (when and by whom
    /// aside).
    public func hasSameFiles(as other: SeasonSnapshot) -> Bool {
        files.map(\.name) == other.files.map(\.name) && zip(files, other.files).allSatisfy { $0.content == $1.content }
    }
}
