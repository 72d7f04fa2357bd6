import Glibc

/// Why the server could not start listening, in French, naming the address.
public enum ServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The address is not an IPv4 address.
    case badAddress(String)
    /// The system refused the socket, the bind (the port is taken, or privileged) or the listen.
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .badAddress(let address): "adresse d'écoute HTTP « \(address) » invalide : attendu une adresse IPv4 comme 127.0.0.1"
        case .cannotListen(let address, let reason): "écoute HTTP sur \(address) impossible : \(reason)"
        }
    }

    static func systemReason(_ code: Int32) -> String {
        switch code {
        case EADDRINUSE: "adresse déjà utilisée par un autre programme"
        case EACCES: "permission refusée (port inférieur à 1024 ?)"
        case EADDRNOTAVAIL: "adresse absente de cette machine"
        default: "erreur système \(code)"
        }
    }
}
