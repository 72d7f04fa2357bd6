import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whether a file can be created in the folder of a path, asked before SQLite tries: SQLite
/// only says "unable to open database file", which does not tell a missing folder from one
/// the user may not write in.
public enum WritableFolder {
    /// Why no file can be created in a folder.
    public enum Problem: Equatable, Sendable {
        /// The folder does not exist (or is not a folder).
        case missing
        /// The system refuses to create a file in it; the reason in French.
        case notWritable(reason: String)
    }

    /// The folder a file at `path` is created in: "." for a bare name, "/" at the root.
    public static func of(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Why no file can be created in `folder`, or nil when one can.
    public static func problem(_ folder: String) -> Problem? {
        var status = stat()
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return .missing }
        guard access(folder, W_OK | X_OK) == 0 else { return .notWritable(reason: SystemErrorText.french(errno)) }
        return nil
    }
}
