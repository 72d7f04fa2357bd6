#if canImport(Glibc)
    import Glibc
#endif

/// The French words for the `errno` values a file operation meets, since `strerror` speaks
/// English and no English may reach the operator.
public enum SystemErrorText {
    /// What `code` (an `errno` value) means, in French.
    public static func french(_ code: Int32) -> String {
        switch code {
        case ENOENT: "fichier ou dossier absent"
        case EACCES, EPERM: "permission refusée"
        case EROFS: "système de fichiers en lecture seule"
        case ENOSPC: "disque plein"
        case EDQUOT: "quota disque dépassé"
        case EIO: "erreur d'entrée-sortie du disque"
        case EISDIR: "c'est un dossier"
        case ENOTDIR: "un élément du chemin n'est pas un dossier"
        case ELOOP: "trop de liens symboliques, ou lien symbolique refusé"
        case ENAMETOOLONG: "chemin trop long"
        case EMFILE, ENFILE: "trop de fichiers ouverts"
        case ENXIO: "périphérique ou tube sans lecteur"
        case EBUSY: "ressource occupée"
        default: "erreur système \(code)"
        }
    }
}
