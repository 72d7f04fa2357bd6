import Store

/// SQLite failures told to the user in French: what happened to which database file and what to
/// do, with the exit status that fits. SQLite's own text and the SQL stay in the logs.
public enum DatabaseFailureText {
    /// The sysexits status for a kind: 65 bad data, 74 I/O, 75 try again later, 70 internal.
    public static func exitCode(_ kind: DatabaseError.Kind) -> Int32 {
        switch kind {
        case .notADatabase: 65
        case .diskFull, .readOnly, .cannotOpen, .inputOutput: 74
        case .busy: 75
        case .constraint, .other: 70
        }
    }

    /// One French sentence naming the database file (when known) and what to do.
    public static func french(_ error: DatabaseError, path: String?) -> String {
        let file = path ?? "la base"
        let folder = path.map { Self.folder(of: $0) } ?? "son dossier"
        switch error.kind {
        case .notADatabase:
            return
                "\(file) : n'est pas une base Tournée (fichier abîmé ou d'un autre programme) ; restaurez une sauvegarde (tournee db backup) ou indiquez la bonne base avec --db"
        case .diskFull:
            return "\(file) : disque plein, rien n'a été enregistré ; libérez de la place dans \(folder) puis recommencez"
        case .readOnly:
            return "\(file) : base en lecture seule ; donnez le droit d'écrire sur le fichier et sur le dossier \(folder)"
        case .cannotOpen:
            return "\(file) : impossible d'ouvrir la base (un dossier, un dossier absent ou sans droit d'accès ?) ; vérifiez \(folder)"
        case .busy:
            return
                "\(file) : base occupée par un autre programme (tourneed, une commande tournee, un outil SQLite ?) ; réessayez dans un instant"
        case .constraint:
            return "\(file) : une donnée enfreint une contrainte du schéma ; rien n'a été enregistré (erreur du programme, à signaler)"
        case .inputOutput:
            return "\(file) : erreur de lecture ou d'écriture du disque ; vérifiez le disque et \(folder)"
        case .other:
            return "\(file) : erreur interne de la base (code SQLite \(error.resultCode)) ; à signaler"
        }
    }

    /// A failed database operation as the daemon logs it: the French sentence naming the file,
    /// and SQLite's own words with the SQL as a detail for diagnosis (nil when there are none:
    /// a store refusal is already said in French). O(size of the texts).
    public static func logged(_ error: any Error, path: String) -> (message: String, detail: String?) {
        if let failure = sqliteFailure(in: error) { return (french(failure, path: path), failure.description) }
        switch error {
        case let error as StoreError:
            return ("\(path) : \(StoreText.french(error))", nil)
        case let error as MigrationError:
            return (StoreText.french(error), nil)
        default:
            return ("\(path) : erreur interne pendant une opération sur la base ; à signaler", "\(error)")
        }
    }

    /// The SQLite failure `error` is, bare or wrapped by a store; nil for any other error.
    public static func sqliteFailure(in error: any Error) -> DatabaseError? {
        switch error {
        case let error as DatabaseError: error
        case StoreError.database(let error): error
        default: nil
        }
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "le dossier courant" }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }
}
