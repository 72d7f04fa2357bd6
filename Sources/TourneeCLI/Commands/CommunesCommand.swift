import CommandLineSupport
import Foundation
import Planning

/// `tournee communes`: rows of the national file in the season CSV's columns, to start a season.
public struct CommunesCommand: Command {
    public static let name = "communes"
    public static let summary = "extrait des communes du fichier national au format d'une saison"
    public static let help = """
        Usage : tournee communes (--insee CODE,… | --epci SIREN|NOM | --search TEXTE)

        Écrit sur la sortie standard, au format CSV du fichier des communes d'une saison, les
        communes demandées du fichier national (COG 2026, populations 2023) : de quoi commencer
        une saison à partir d'une intercommunalité en une commande. Les colonnes à compléter
        (café, contact de la mairie, jours, dates) sont laissées vides.

        Options :
          --insee CODE,…   codes INSEE séparés par des virgules (ex. 52448,52550)
          --epci SIREN|NOM toutes les communes d'une intercommunalité, par son SIREN
                           (ex. 200068666) ou son nom (ex. « Saint-Dizier ») ; un nom que
                           plusieurs portent les liste avec leur SIREN
          --search TEXTE   liste lisible (code INSEE, nom, département, population,
                           intercommunalité et son SIREN) des communes dont le nom contient
                           TEXTE, sans tenir compte des majuscules, des accents ni des tirets
          -h, --help       affiche cette aide

        Exemple :
          tournee communes --epci 200068666 > tours/ma-saison/communes.csv
        """
    public static let spec = ArgumentSpec(options: [.init("insee"), .init("epci"), .init("search")])

    enum Query {
        case insee([String])
        case epci(String)
        case search(String)
    }

    let query: Query

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        let given = ["insee", "epci", "search"].filter { arguments.value($0) != nil }
        guard given.count == 1 else {
            throw UsageError("une et une seule des options --insee, --epci, --search attendue")
        }
        if let codes = arguments.value("insee") {
            let list = codes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !list.isEmpty else { throw UsageError("--insee : au moins un code attendu") }
            query = .insee(list)
        } else if let epci = arguments.value("epci") {
            guard !epci.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw UsageError("--epci : SIREN de 9 chiffres ou nom d'intercommunalité attendu, trouvé « \(epci) »")
            }
            query = .epci(epci)
        } else {
            query = .search(arguments.value("search") ?? "")
        }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        let directory: CommuneDirectory
        do { directory = try CommuneDirectory.loadShipped(environment: context.environment) } catch {
            SeasonLoading.printIssues(error.issues, context: context)
            return .unavailable
        }
        var rows: [DirectoryCommune] = []
        switch query {
        case .insee(let codes):
            var unknown: [String] = []
            for code in codes {
                if let commune = directory.commune(insee: code) { rows.append(commune) } else { unknown.append(code) }
            }
            guard unknown.isEmpty else {
                context.console.error(
                    "--insee : code\(unknown.count > 1 ? "s" : "") INSEE inconnu\(unknown.count > 1 ? "s" : "") : "
                        + unknown.joined(separator: ", "))
                return .dataError
            }
        case .epci(let epci):
            switch Self.siren(epci, in: directory, context: context) {
            case .success(let siren): rows = directory.communes(epciSiren: siren)
            case .failure(let failure): return failure.status
            }
            guard !rows.isEmpty else {
                context.console.error("--epci : aucune commune pour le SIREN \(epci)")
                return .dataError
            }
        case .search(let text):
            rows = directory.search(text)
            guard !rows.isEmpty else {
                context.console.error("--search : aucune commune dont le nom contient « \(text) »")
                return .dataError
            }
            context.console.out(CommuneListing.text(for: rows))
            return .success
        }
        context.console.out(CommunesCSVWriter.csv(for: rows))
        return .success
    }

    /// The SIREN `--epci` names: nine digits as given, else the one intercommunalité whose name
    /// contains the text; several print the list to choose from.
    static func siren(_ epci: String, in directory: CommuneDirectory, context: CommandContext) -> Result<String, ExitStatusError> {
        if epci.count == 9, epci.allSatisfy(\.isNumber) { return .success(epci) }
        let found = directory.epcis(named: epci)
        guard found.count != 1 else { return .success(found[0].siren) }
        if found.isEmpty {
            context.console.error("--epci : aucune intercommunalité dont le nom contient « \(epci) » (SIREN de 9 chiffres ou nom attendu)")
        } else {
            context.console.error("--epci : \(found.count) intercommunalités dont le nom contient « \(epci) » ; choisissez par son SIREN :")
            for epci in found { context.console.err("  \(epci.siren)  \(epci.name)\n") }
        }
        return .failure(ExitStatusError(status: .dataError))
    }
}
