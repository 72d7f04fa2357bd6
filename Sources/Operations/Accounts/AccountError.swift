/// Why an account could not be created, changed or used, in French for the person at the
/// terminal or the page.
public enum AccountError: Error, Equatable, Sendable {
    /// A name outside lower-case letters, digits, `.`, `-` and `_`, or too long.
    case invalidName(String)
    /// Another account already signs in with that name.
    case nameTaken(String)
    /// No account has that name.
    case unknownAccount(String)
    /// A season given that the database does not hold.
    case unknownSeason(String)
    /// A staff account without its vehicle, or a vehicle no granted season has.
    case vehicle(String)
    /// A planner account given a vehicle.
    case vehicleForPlanner
    /// A staff account given no season.
    case staffWithoutSeason
    /// A password refused by the rules; the text says which.
    case weakPassword(String)
    /// The kernel's random generator could not be read.
    case noRandomness

    /// The explanation.
    public var description: String {
        switch self {
        case .invalidName(let name):
            return
                "nom de compte « \(name) » refusé ; attendu 1 à 64 caractères parmi les lettres minuscules sans accent, les chiffres, « . », « - » et « _ »"
        case .nameTaken(let name): return "le compte « \(name) » existe déjà"
        case .unknownAccount(let name): return "aucun compte « \(name) » ; voir tournee user list"
        case .unknownSeason(let id): return "saison « \(id) » absente de la base ; voir tournee events"
        case .vehicle(let text): return text
        case .vehicleForPlanner: return "--vehicle ne vaut que pour un compte staff (l'équipe d'un véhicule)"
        case .staffWithoutSeason: return "un compte staff a besoin d'au moins une --season (la saison de son véhicule)"
        case .weakPassword(let reason): return "mot de passe refusé : \(reason)"
        case .noRandomness: return "le générateur aléatoire du noyau (/dev/urandom) est illisible ; rien n'a été enregistré"
        }
    }
}
