/// Why a text file a person wrote could not be read, in French, naming the file.
public enum TextFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Nothing at that path.
    case missing(path: String)
    /// The path names a folder, a FIFO, a device… (`kind` from `FileKind`).
    case notARegularFile(path: String, kind: String)
    /// Larger than the reader accepts.
    case tooLarge(path: String, size: Int, limit: Int)
    /// Not UTF-8: the line of the first bad byte and its value.
    case notUTF8(path: String, line: Int, byte: UInt8)
    /// The system refused to open or read it (permissions, I/O).
    case unreadable(path: String, reason: String)

    /// The file concerned.
    public var path: String {
        switch self {
        case .missing(let path), .notARegularFile(let path, _), .tooLarge(let path, _, _),
            .notUTF8(let path, _, _), .unreadable(let path, _):
            path
        }
    }

    /// The line concerned, when there is one.
    public var line: Int? {
        if case .notUTF8(_, let line, _) = self { return line }
        return nil
    }

    /// Whether nothing readable is there at all (missing, not a file, not openable), as opposed to
    /// a file whose content is refused: the first is a missing input (66), the second bad data (65).
    public var isMissingInput: Bool {
        switch self {
        case .missing, .notARegularFile, .unreadable: true
        case .tooLarge, .notUTF8: false
        }
    }

    /// What is wrong and what was expected, without the file's name.
    public var reason: String {
        switch self {
        case .missing: "fichier absent"
        case .notARegularFile(_, let kind): "c'est \(kind), attendu un fichier ordinaire"
        case .tooLarge(_, let size, let limit): "\(size) octets, au plus \(limit) attendus"
        case .notUTF8(_, _, let byte):
            "pas en UTF-8 : octet 0x\(String(byte, radix: 16, uppercase: true)) invalide (enregistrez le fichier en UTF-8, pas en Latin-1 ou Windows-1252)"
        case .unreadable(_, let reason): reason
        }
    }

    /// `FILE[:LINE] : reason`.
    public var description: String {
        (line.map { "\(path):\($0)" } ?? path) + " : " + reason
    }
}
