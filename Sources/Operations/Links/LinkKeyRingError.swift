/// Why the key ring's file was refused, in French, naming the file; never shows a key. The daemon
/// refuses to start on any of them with exit status 78 (configuration).
public enum LinkKeyRingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No file at that path (the daemon then creates one).
    case missing(path: String)
    /// Not a regular file, or the system refused to read it.
    case unreadable(path: String, reason: String)
    /// Readable or writable by group or others.
    case tooOpen(path: String, mode: UInt32)
    /// A line that is not a key.
    case malformed(path: String, line: Int, expected: String)
    /// The file could not be created or replaced.
    case cannotWrite(path: String, reason: String)

    /// The sysexits status the daemon exits with: 78, the configuration is refused.
    public var exitStatus: Int32 { 78 }

    /// `FILE[:LINE] : …`.
    public var description: String {
        switch self {
        case .missing(let path):
            "fichier de clés des liens \(path) : fichier absent"
        case .unreadable(let path, let reason):
            "fichier de clés des liens \(path) illisible : \(reason)"
        case .tooOpen(let path, let mode):
            "fichier de clés des liens \(path) refusé : mode 0\(String(mode, radix: 8)) ouvert au groupe ou aux autres, attendu 600 ; faire chmod 600 \(path)"
        case .malformed(let path, let line, let expected):
            "\(path):\(line) : fichier de clés des liens mal formé : attendu \(expected)"
        case .cannotWrite(let path, let reason):
            "fichier de clés des liens \(path) impossible à écrire : \(reason)"
        }
    }
}
