#if canImport(Glibc)
    import Glibc
#endif

/// What a path names when it is not the regular file a reader wanted, in French, so a refusal
/// says "c'est un tube nommé (FIFO)" rather than hanging or "illisible".
public enum FileKind {
    /// The kind of file of `mode` (`st_mode` from `stat`), with its article.
    public static func name(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: "un fichier ordinaire"
        case S_IFDIR: "un dossier"
        case S_IFIFO: "un tube nommé (FIFO)"
        case S_IFCHR: "un périphérique caractère"
        case S_IFBLK: "un périphérique bloc"
        case S_IFSOCK: "une socket"
        case S_IFLNK: "un lien symbolique"
        default: "un fichier spécial"
        }
    }
}
