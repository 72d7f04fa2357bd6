import Foundation
import TextFormats

#if canImport(Glibc)
    import Glibc
#endif

/// The `database` key of `tourneed.json`, read the same way by the daemon and by the CLI's
/// `--config`: refused when the configuration is loaded if it cannot name a database file (a
/// folder, `.` or `..`, a path cut by U+0000), so the refusal names the configuration and its
/// key instead of the daemon failing later on a path the operator never wrote.
public enum DatabaseSetting {
    /// The path of `database`, resolved by `resolve` against the configuration's folder; nil
    /// after logging when it is missing or refused. A path that does not exist yet is accepted:
    /// the daemon creates the database there.
    public static func read(_ reader: JSONObjectReader, resolve: (String) -> String) -> String? {
        guard reader.requirePresent("database", expecting: "le chemin de la base SQLite"),
            let text = reader.filePath("database")
        else { return nil }
        let line = reader.value("database", required: false)?.line ?? reader.line
        let last = (text as NSString).lastPathComponent
        let resolved = resolve(text)
        var status = stat()
        let kind: String? =
            if text.hasSuffix("/") || last == "." || last == ".." {
                "un dossier"
            } else if stat(resolved, &status) == 0, status.st_mode & S_IFMT != S_IFREG {
                FileKind.name(mode: status.st_mode)
            } else {
                nil
            }
        if let kind {
            reader.log.error(
                reader.file, line: line, key: reader.keyPath("database"),
                "attendu : le chemin d'un fichier de base SQLite (ou d'un fichier à créer), par exemple tournee.sqlite ; trouvé : « \(text) », \(kind)"
            )
            return nil
        }
        return resolved
    }
}
