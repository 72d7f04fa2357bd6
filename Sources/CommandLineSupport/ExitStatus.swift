/// The exit statuses `tournee` and `tourneed` use, from sysexits(3).
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// The command line was wrong (EX_USAGE).
    case usage = 64
    /// The input data was wrong (EX_DATAERR).
    case dataError = 65
    /// An input file or folder does not exist (EX_NOINPUT).
    case noInput = 66
    /// A service or tool is unavailable (EX_UNAVAILABLE).
    case unavailable = 69
    /// An internal error (EX_SOFTWARE).
    case software = 70
    /// An output file could not be written (EX_CANTCREAT).
    case cannotCreate = 73
    /// Reading or writing failed: disk full, read-only folder (EX_IOERR).
    case ioError = 74
    /// A temporary failure: try again later (EX_TEMPFAIL).
    case temporaryFailure = 75
    /// A configuration file was refused (EX_CONFIG).
    case configuration = 78
}
