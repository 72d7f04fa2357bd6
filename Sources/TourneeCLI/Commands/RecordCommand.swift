import CommandLineSupport
import Foundation
import Operations
import Store

/// `tournee record`: what happened at an evening, one at a time or a whole sheet.
public struct RecordCommand: Command {
    public static let name = "record"
    public static let summary = "enregistre le compte rendu d'une soirée ou d'une feuille CSV entière"
    public static let help = """
        Usage : tournee record ID --attendance N [--animation TEXTE]… [--partner NOM:TYPE]…
                              [--local-spend EUR] [--sales EUR] [--volunteers N]
                              [--weather TEXTE] [--notes TEXTE] [--by NOM] [--db FICHIER]
                tournee record --import FEUILLE.csv [--by NOM] [--db FICHIER]

        Enregistre ce qui s'est passé à la soirée ID (qui passe alors au statut « faite ») :
        le public, les animations, les partenaires (réutilisés d'une soirée à l'autre : même
        nom et même type, même partenaire), les ventes des producteurs et partenaires et les
        dépenses locales de la tournée (en euros : 1234,50).
        Types de partenaire : association, producteur, artiste, food-truck, autre.

        --import lit une feuille CSV (séparateur , ou ;) dont la première ligne nomme les
        colonnes : event, attendance (obligatoires), animations, partners (plusieurs séparés
        par « | »), local_spend_eur, sales_eur, volunteers, weather, notes. Chaque ligne fautive
        est signalée avec son numéro, et rien n'est enregistré si une seule l'est.

        Options :
          --attendance N       personnes présentes
          --animation TEXTE    une animation (répétable)
          --partner NOM:TYPE   un partenaire (répétable), ex. « Les Amis du Der:association »
          --local-spend EUR    dépenses de la tournée chez les commerçants du coin
          --sales EUR          ventes des producteurs et partenaires
          --volunteers N       bénévoles présents
          --weather TEXTE      la météo
          --notes TEXTE        remarques
          --import FICHIER     une feuille CSV entière
          --by NOM             qui enregistre (défaut : $USER)
        \(DatabaseAccess.help)
          -h, --help           affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [
            .init("attendance"), .init("animation", repeatable: true),
            .init("partner", repeatable: true), .init("local-spend"), .init("sales"),
            .init("volunteers"), .init("weather"), .init("notes"), .init("import"), .init("by"),
        ],
        positionals: ["ID"], minimumPositionals: 0, maximumPositionals: 1)

    enum Input: Sendable {
        case single(NewEveningRecord)
        case sheet(String)
    }
    let input: Input
    let by: String?
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        by = arguments.value("by")
        access = DatabaseAccess(arguments)
        if let file = arguments.value("import") {
            let single = ["attendance", "animation", "partner", "local-spend", "sales", "volunteers", "weather", "notes"]
            if !arguments.positionals.isEmpty || single.contains(where: { arguments.options[$0] != nil }) {
                throw UsageError("--import s'emploie seul : les valeurs viennent de la feuille")
            }
            input = .sheet(file)
            return
        }
        guard let id = arguments.positionals.first else { throw UsageError("ID de la soirée (ou --import FEUILLE.csv) manquant") }
        guard arguments.value("attendance") != nil else { throw UsageError("--attendance N obligatoire") }
        do {
            input = .single(
                try RecordFields.entry(
                    event: id, attendance: arguments.value("attendance") ?? "",
                    animations: (arguments.options["animation"] ?? []).map { $0.trimmingCharacters(in: .whitespaces) },
                    partners: arguments.options["partner"] ?? [],
                    localSpend: arguments.value("local-spend") ?? "", sales: arguments.value("sales") ?? "",
                    volunteers: arguments.value("volunteers") ?? "", weather: arguments.value("weather") ?? "",
                    notes: arguments.value("notes") ?? ""))
        } catch {
            let option = ["partners": "partner", "local_spend_eur": "local-spend", "sales_eur": "sales"][error.key] ?? error.key
            throw UsageError("--\(option) : \(error.message)")
        }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        var text = ""
        if case .sheet(let file) = input {
            switch InputFile.read(file, context: context) {
            case .success(let read): text = read
            case .failure(let failure): return failure.status
            }
        }
        return access.withDatabase(context) { database in
            let actor = DatabaseAccess.actor(by, context)
            let now = DatabaseAccess.now(context)
            do {
                switch input {
                case .single(let entry):
                    try RecordStore(database).record(entry, actor: actor, at: now)
                    context.console.line(
                        "Soirée \(entry.eventID) enregistrée : \(entry.attendance) personnes, \(entry.animations.count) animation(s), \(entry.partners.count) partenaire(s)"
                    )
                case .sheet(let file):
                    let sheet = try RecordSheet.parse(text, file: file)
                    try sheet.importRecords(into: database, file: file, actor: actor, at: now)
                    context.console.line("\(sheet.entries.count) soirée(s) enregistrée(s) depuis \(file)")
                }
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }
}
