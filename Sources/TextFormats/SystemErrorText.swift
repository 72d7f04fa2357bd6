import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The French words for the `errno` values a file or network operation meets, since `strerror` speaks
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
        case EEXIST: "le fichier existe déjà"
        case ECONNREFUSED: "connexion refusée"
        case ETIMEDOUT: "délai dépassé"
        case ECONNRESET: "connexion coupée par l'autre côté"
        case EPIPE: "connexion fermée par l'autre côté"
        case EHOSTUNREACH: "hôte injoignable"
        case ENETUNREACH: "réseau injoignable"
        case EADDRNOTAVAIL: "adresse indisponible"
        case EAGAIN: "ressource momentanément indisponible"
        case EINTR: "appel interrompu"
        default: "erreur système \(code)"
        }
    }

    /// What a Foundation file error means, in French: its `localizedDescription` is English on
    /// Linux, so the `errno` beneath it is what is told.
    public static func french(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return french(posix.code.rawValue) }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return french(Int32(truncatingIfNeeded: error.code)) }
        // On Linux the underlying error is kept as a Swift error, not bridged to NSError.
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error { return french(underlying) }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return french(ENOENT)
        case .fileWriteNoPermission, .fileReadNoPermission: return french(EACCES)
        case .fileWriteOutOfSpace: return french(ENOSPC)
        case .fileWriteVolumeReadOnly: return french(EROFS)
        default: return "erreur système"
        }
    }
}
