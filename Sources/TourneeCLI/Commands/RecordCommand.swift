import CommandLineSupport
import Foundation
import Operations
import Store

/// `tournee record`: what happened at an evening, one at a time or a whole sheet, and its
/// corrections.
public struct RecordCommand: Command {
    public static let name = "record"
    public static let summary = "enregistre ou corrige le compte rendu d'une soirée ou d'une feuille CSV entière"
    public static let help = """
        Usage : tournee record ID --attendance N [--animation TEXTE]… [--partner NOM:TYPE]…
                              [--local-spend EUR] [--sales EUR] [--volunteers N]
                              [--weather TEXTE] [--notes TEXTE] [--force --reason TEXTE]
                              [--by NOM] [--db FICHIER]
                tournee record ID --amend [--attendance N] [--animation TEXTE]… […]
                              [--reason TEXTE] [--by NOM] [--db FICHIER]
                tournee record --import FEUILLE.csv [--amend] [--force] [--reason TEXTE]
                              [--by NOM] [--db FICHIER]

        Enregistre ce qui s'est passé à la soirée ID (qui passe alors au statut « faite ») :
        le public, les animations, les partenaires (réutilisés d'une soirée à l'autre : même
        nom et même type, même partenaire), les ventes des producteurs et partenaires et les
        dépenses locales de la tournée (en euros : 1234,50).
        Types de partenaire : association, producteur, artiste, food-truck, autre.

        Une soirée s'enregistre une fois commencée (heure de Paris), jamais annulée ni retirée
        du plan, une seule fois ; une soirée encore proposée (la mairie ne l'a jamais
        confirmée) demande --force avec --reason. Refus : code 65, avec la raison.

        --amend corrige le compte rendu déjà enregistré : les champs donnés remplacent les
        siens (une option répétable remplace toute la liste), les autres restent ; chaque
        correction est gardée dans l'historique (tournee event history ID) avec les valeurs
        avant et après. Le message de remerciements à la mairie ne repart pas.

        --import lit une feuille CSV (séparateur , ou ;) dont la première ligne nomme les
        colonnes : event, attendance (obligatoires, attendance sauf avec --amend), animations,
        partners (plusieurs séparés par « | »), local_spend_eur, sales_eur, volunteers,
        weather, notes ; une case vide est un champ non donné. Mêmes règles, ligne par
        ligne : chaque ligne fautive est signalée avec son numéro, et rien n'est enregistré si
        une seule l'est.

        Options :
          --attendance N       personnes présentes
          --animation TEXTE    une animation (répétable)
          --partner NOM:TYPE   un partenaire (répétable), ex. « Les Amis du Der:association »
          --local-spend EUR    dépenses de la tournée chez les commerçants du coin
          --sales EUR          ventes des producteurs et partenaires
          --volunteers N       bénévoles présents
          --weather TEXTE      la météo
          --notes TEXTE        remarques
          --amend              corrige le compte rendu enregistré
          --force              enregistre une soirée que la mairie n'a jamais confirmée
          --reason TEXTE       pourquoi (obligatoire avec --force ; avec --amend, défaut :
                               « correction du compte rendu »)
          --import FICHIER     une feuille CSV entière
          --by NOM             qui enregistre (défaut : $USER)
        \(DatabaseAccess.help)
          -h, --help           affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [
            .init("attendance"), .init("animation", repeatable: true),
            .init("partner", repeatable: true), .init("local-spend"), .init("sales"),
            .init("volunteers"), .init("weather"), .init("notes"), .init("import"), .init("by"), .init("reason"),
        ],
        flags: ["amend", "force"], positionals: ["ID"], minimumPositionals: 0, maximumPositionals: 1)

    enum Input: Sendable {
        case record(NewEveningRecord, force: String?)
        case amend(RecordInput, reason: String)
        case sheet(String, RecordSheet.Mode)
    }
    let input: Input
    let by: String?
    let access: DatabaseAccess

    /// The reason a correction is kept with when none is given.
    static let defaultAmendReason = "correction du compte rendu"

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        by = arguments.value("by")
        access = DatabaseAccess(arguments)
        let amend = arguments.has("amend")
        let force = try ForceOption.reason(arguments)
        if amend, force != nil {
            throw UsageError("--force ne va pas avec --amend : une correction ne touche qu'un compte rendu enregistré")
        }
        let reason = arguments.value("reason")?.trimmingCharacters(in: .whitespaces) ?? ""
        if !amend, force == nil, !reason.isEmpty { throw UsageError("--reason ne va qu'avec --force ou --amend") }
        let amendReason = reason.isEmpty ? Self.defaultAmendReason : reason
        if let file = arguments.value("import") {
            let single = ["attendance", "animation", "partner", "local-spend", "sales", "volunteers", "weather", "notes"]
            if !arguments.positionals.isEmpty || single.contains(where: { arguments.options[$0] != nil }) {
                throw UsageError("--import s'emploie seul : les valeurs viennent de la feuille")
            }
            input = .sheet(file, amend ? .amend(reason: amendReason) : .record(force: force))
            return
        }
        guard let id = arguments.positionals.first else { throw UsageError("ID de la soirée (ou --import FEUILLE.csv) manquant") }
        let typed: RecordInput
        do {
            typed = try RecordFields.input(
                event: id, attendance: arguments.value("attendance") ?? "",
                animations: arguments.options["animation"]?.map { $0.trimmingCharacters(in: .whitespaces) },
                partners: arguments.options["partner"],
                localSpend: arguments.value("local-spend") ?? "", sales: arguments.value("sales") ?? "",
                volunteers: arguments.value("volunteers") ?? "", weather: arguments.value("weather") ?? "",
                notes: arguments.value("notes") ?? "")
        } catch {
            let option = ["partners": "partner", "local_spend_eur": "local-spend", "sales_eur": "sales"][error.key] ?? error.key
            throw UsageError("--\(option) : \(error.message)")
        }
        if amend {
            guard !typed.given.isEmpty else {
                throw UsageError("--amend : donnez au moins un champ à corriger (--attendance, --animation…)")
            }
            input = .amend(typed, reason: amendReason)
        } else {
            guard let entry = typed.record else {
                throw UsageError(
                    "--attendance N obligatoire (le nombre de personnes présentes ; --amend corrige un compte rendu enregistré)")
            }
            input = .record(entry, force: force)
        }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        var text = ""
        if case .sheet(let file, _) = input {
            switch InputFile.read(file, context: context) {
            case .success(let read): text = read
            case .failure(let failure): return failure.status
            }
        }
        return access.withDatabase(context) { database in
            let actor = DatabaseAccess.actor(by, context)
            let now = DatabaseAccess.now(context)
            let recording = EveningRecording(database)
            do {
                switch input {
                case .record(let entry, let force):
                    try recording.record(entry, force: force, actor: actor, at: now)
                    context.console.line(
                        "Soirée \(entry.eventID) enregistrée : \(entry.attendance) personnes, \(entry.animations.count) animation(s), \(entry.partners.count) partenaire(s)"
                    )
                case .amend(let typed, let reason):
                    guard let correction = try recording.amend(typed, reason: reason, actor: actor, at: now) else {
                        context.console.line("Compte rendu de \(typed.eventID) inchangé : il avait déjà ces valeurs")
                        return .success
                    }
                    context.console.line(
                        "Compte rendu de \(typed.eventID) corrigé : " + correction.changes.map(StoreText.french).joined(separator: " ; "))
                case .sheet(let file, let mode):
                    var amend = false
                    if case .amend = mode { amend = true }
                    let sheet = try RecordSheet.parse(text, file: file, amend: amend)
                    let summary = try sheet.importRecords(into: database, file: file, mode: mode, actor: actor, at: now)
                    context.console.line(
                        amend
                            ? "\(summary.corrected) compte(s) rendu(s) corrigé(s), \(summary.unchanged) inchangé(s), depuis \(file)"
                            : "\(summary.recorded) soirée(s) enregistrée(s) depuis \(file)")
                }
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }
}
