import CivilTime
import CommandLineSupport
import Foundation
import Operations
import Store
import TextFormats

/// `tournee user add|list|disable|enable|password`: the accounts that sign in to `tourneed`'s
/// pages (staff recording their evenings, planners steering a season).
public struct UserCommand: Command {
    public static let name = "user"
    public static let summary = "gère les comptes de l'équipe et des planificateurs (pages web)"
    public static let help = """
        Usage : tournee user ACTION [NOM] [options] [--db FICHIER]

        Actions :
          add NOM --role staff|planner   crée le compte ; le mot de passe est demandé deux fois
                                         au terminal (sans écho), ou lu sur la première ligne
                                         de l'entrée standard — jamais en argument
          list                           liste les comptes (nom, rôle, véhicule, saisons, état)
          disable NOM                    désactive le compte et ferme ses sessions
          enable NOM                     réactive un compte désactivé
          password NOM                   change le mot de passe et ferme les sessions du compte

        Un mot de passe a au moins 12 caractères, sans le nom du compte ; il est gardé sous
        forme PBKDF2-HMAC-SHA-256 (600 000 itérations, sel propre à chaque compte).

        Options :
          --role ROLE       staff (l'équipe d'un véhicule : saisit ses soirées) ou planner
                            (confirme, déplace, annule, replanifie)
          --season SAISON   une saison ouverte au compte (répétable ; obligatoire pour staff)
          --all-seasons     toutes les saisons, présentes et futures (planner seulement)
          --vehicle NOM     le véhicule de l'équipe (staff seulement, tel que dans la saison)
          --json            list : un tableau JSON
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("role"), .init("season", repeatable: true), .init("vehicle")],
        flags: ["all-seasons", "json"], positionals: ["ACTION", "NOM"], minimumPositionals: 1, maximumPositionals: 2)

    enum Action: Sendable, Equatable {
        case add(name: String, role: AccountRole)
        case list
        case disable(String)
        case enable(String)
        case password(String)
    }
    let action: Action
    let seasons: [String]
    let allSeasons: Bool
    let vehicle: String?
    let json: Bool
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        access = DatabaseAccess(arguments)
        seasons = arguments.options["season"] ?? []
        allSeasons = arguments.has("all-seasons")
        vehicle = arguments.value("vehicle")
        json = arguments.has("json")
        let words = arguments.positionals
        let name = words.count > 1 ? words[1] : nil
        switch (words[0], name) {
        case ("list", nil): action = .list
        case ("list", let extra?): throw UsageError("argument en trop « \(extra) »")
        case ("add", let name?):
            guard let word = arguments.value("role") else { throw UsageError("add : --role staff|planner manquant") }
            guard let role = AccountRole(rawValue: word) else {
                throw UsageError("--role : « \(word) » inconnu ; attendu staff ou planner")
            }
            action = .add(name: name, role: role)
        case ("disable", let name?): action = .disable(name)
        case ("enable", let name?): action = .enable(name)
        case ("password", let name?): action = .password(name)
        case ("add", nil), ("disable", nil), ("enable", nil), ("password", nil): throw UsageError("\(words[0]) : NOM du compte manquant")
        default: throw UsageError("action inconnue « \(words[0]) » (add, list, disable, enable, password)")
        }
        if case .add = action {
        } else if arguments.value("role") != nil || !seasons.isEmpty || allSeasons || vehicle != nil {
            throw UsageError("--role, --season, --all-seasons et --vehicle ne valent que pour add")
        }
        if json && action != .list { throw UsageError("--json ne vaut que pour list") }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        access.withDatabase(context) { database in
            let book = AccountBook(database)
            let now = DatabaseAccess.now(context)
            do {
                switch action {
                case .list:
                    list(try UserStore(database).all(), context: context)
                case .add(let name, let role):
                    let canonical = try book.checkNew(name: name, role: role, vehicle: vehicle, seasons: seasons, allSeasons: allSeasons)
                    let password = try SecretInput.read(prompt: "mot de passe de « \(canonical) »")
                    let account = try book.add(
                        name: name, role: role, password: password, vehicle: vehicle, seasons: seasons, allSeasons: allSeasons, at: now)
                    context.console.line("Compte créé : \(account.name) (\(Self.roleText(account)))")
                case .password(let name):
                    let account = try book.existing(name)
                    try book.changePassword(
                        name: name, to: try SecretInput.read(prompt: "nouveau mot de passe de « \(account.name) »"), at: now)
                    context.console.line("Mot de passe changé : \(account.name) ; ses sessions sont fermées")
                case .disable(let name):
                    let changed = try book.setDisabled(name: name, true, at: now)
                    context.console.line(
                        changed ? "Compte désactivé : \(name) ; ses sessions sont fermées" : "\(name) était déjà désactivé")
                case .enable(let name):
                    let changed = try book.setDisabled(name: name, false, at: now)
                    context.console.line(changed ? "Compte réactivé : \(name)" : "\(name) était déjà actif")
                }
                return .success
            } catch let error as AccountError {
                context.console.error(error.description)
                return error == .noRandomness ? .software : .dataError
            } catch let error as SecretInput.Failure {
                context.console.error(Self.text(error))
                return .dataError
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    private func list(_ accounts: [UserAccount], context: CommandContext) {
        if json {
            context.console.out(
                JSONOutput.array(
                    accounts.map { account in
                        .object([
                            "name": .string(account.name), "role": .string(account.role.rawValue),
                            "vehicle": account.vehicle.map { .string($0) } ?? .null, "allSeasons": .bool(account.allSeasons),
                            "seasons": .array(account.seasons.map { .string($0) }), "disabled": .bool(account.disabledAt != nil),
                        ])
                    }
                ).rendered())
            return
        }
        for account in accounts {
            let state = account.disabledAt.map { "désactivé le " + Self.localText($0) } ?? "actif"
            let seasons = account.allSeasons ? "toutes les saisons" : account.seasons.joined(separator: ", ")
            context.console.line([account.name, Self.roleText(account), seasons, state].joined(separator: "  "))
        }
        context.console.line("\(accounts.count) compte(s)")
    }

    private static func roleText(_ account: UserAccount) -> String {
        switch account.role {
        case .planner: "planificateur"
        case .staff: "équipe de \(account.vehicle ?? "?")"
        }
    }

    /// An instant as the Paris wall clock reads it ("2026-12-03 16:20").
    private static func localText(_ seconds: Int64) -> String {
        let local = ParisTime.civil(Date(timeIntervalSince1970: Double(seconds)))
        return "\(local.date) \(local.time)"
    }

    private static func text(_ failure: SecretInput.Failure) -> String {
        switch failure {
        case .empty: "aucun mot de passe lu (entrée standard vide) ; rien n'a été enregistré"
        case .mismatch: "les deux saisies du mot de passe diffèrent ; rien n'a été enregistré"
        case .unreadable: "mot de passe illisible (plus de 1 024 octets ou pas en UTF-8) ; rien n'a été enregistré"
        }
    }
}
