import CommandLineSupport
import Foundation
import Operations
import Store
import TextFormats

#if canImport(Glibc)
    import Glibc
#endif

/// Why the daemon cannot use its database, in French, with the sysexits status that fits: the
/// checks made before SQLite opens it (`check(_:)`) and SQLite's own refusals (`init(path:error:)`).
/// A read-only folder is an I/O problem (74), not another instance (75): SQLite in WAL mode
/// writes `<base>-wal` and `<base>-shm` beside the base, so it needs to write in the folder.
struct DatabaseStartupProblem: Error, CustomStringConvertible {
    /// The exit status.
    let status: ExitStatus
    /// The sentence for the operator.
    let description: String

    /// What is wrong with `path` before it is opened, or nil when SQLite may try.
    static func check(_ path: String) -> DatabaseStartupProblem? {
        var status = stat()
        let exists = stat(path, &status) == 0
        if exists, status.st_mode & S_IFMT != S_IFREG {
            return DatabaseStartupProblem(
                status: .configuration,
                description:
                    "base \(path) : c'est \(FileKind.name(mode: status.st_mode)), attendu un fichier de base SQLite (ou un chemin libre où la créer)"
            )
        }
        // SQLite follows a symbolic link and writes its -wal beside the real file.
        let real =
            exists
            ? (realpath(path, nil).map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            } ?? path) : path
        let folder = WritableFolder.of(real)
        switch WritableFolder.problem(folder) {
        case .missing:
            return DatabaseStartupProblem(
                status: .cannotCreate,
                description:
                    "base \(path) : le dossier \(folder) n'existe pas ; attendu un dossier existant où tourneed peut écrire")
        case .notWritable(let reason):
            return DatabaseStartupProblem(
                status: .ioError,
                description:
                    "base \(path) : le dossier \(folder) n'est pas accessible en écriture (\(reason)) ; "
                    + "SQLite y crée \((real as NSString).lastPathComponent)-wal et -shm à côté de la base : donnez à l'utilisateur de tourneed le droit d'écrire dans ce dossier"
            )
        case nil:
            break
        }
        if exists, access(path, R_OK | W_OK) != 0 {
            return DatabaseStartupProblem(
                status: .ioError,
                description:
                    "base \(path) : fichier non modifiable (\(SystemErrorText.french(errno))) ; attendu lecture et écriture pour l'utilisateur de tourneed"
            )
        }
        return nil
    }

    /// A refusal from SQLite or the migrator while opening `path`, without SQLite's English.
    init(path: String, error: any Error) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        switch error {
        case let error as MigrationError:
            if case .databaseNewerThanProgram(_, let unknown) = error {
                self.init(
                    status: .dataError,
                    description:
                        "base \(path) : mise à jour par une version plus récente de Tournée (migrations inconnues : \(unknown.joined(separator: ", "))) ; installez cette version"
                )
            } else {
                self.init(status: .dataError, description: "base \(path) : migration refusée")
            }
        case let error as DatabaseError:
            switch error.resultCode {
            case 5, 6:  // SQLITE_BUSY, SQLITE_LOCKED
                self.init(status: .temporaryFailure, description: "base \(path) occupée par un autre programme ; réessayez plus tard")
            case 8, 14:  // SQLITE_READONLY, SQLITE_CANTOPEN
                self.init(
                    status: .ioError,
                    description:
                        "base \(path) impossible à ouvrir en écriture ; attendu : la base et son dossier \(folder) accessibles en écriture (SQLite y crée les fichiers -wal et -shm)"
                )
            case 13:  // SQLITE_FULL
                self.init(status: .ioError, description: "base \(path) : disque plein ; libérez de la place dans \(folder)")
            case 10:  // SQLITE_IOERR
                self.init(
                    status: .ioError, description: "base \(path) : erreur d'entrée-sortie du disque (code SQLite \(error.extendedCode))")
            case 11, 26:  // SQLITE_CORRUPT, SQLITE_NOTADB
                self.init(
                    status: .dataError,
                    description:
                        "base \(path) : ce n'est pas une base SQLite valide ; attendu une base créée par « tournee db init » ou un chemin libre"
                )
            default:
                self.init(status: .unavailable, description: "base \(path) inutilisable (code SQLite \(error.extendedCode))")
            }
        case let error as StoreError:
            self.init(status: .unavailable, description: "base \(path) : \(StoreText.french(error))")
        default:
            self.init(status: .software, description: "base \(path) : erreur interne à l'ouverture")
        }
    }

    private init(status: ExitStatus, description: String) {
        self.status = status
        self.description = description
    }
}
