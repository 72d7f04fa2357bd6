import SeasonVocabulary
import Store

/// Store statuses and refusals in French, for listings and messages to the staff.
public enum StoreText {
    /// The status as an adjective ("confirmée").
    public static func french(_ status: EventStatus) -> String {
        switch status {
        case .proposed: "proposée"
        case .confirmed: "confirmée"
        case .cancelled: "annulée"
        case .done: "faite"
        case .withdrawn: "retirée du plan"
        case .declined: "refusée par la mairie"
        }
    }

    /// A record's field in French, as staff call it ("public").
    public static func french(_ field: RecordField) -> String {
        switch field {
        case .attendance: "public"
        case .animations: "animations"
        case .partners: "partenaires"
        case .localSpend: "dépenses locales"
        case .sales: "ventes"
        case .volunteers: "bénévoles"
        case .weather: "météo"
        case .notes: "remarques"
        }
    }

    /// A corrected field in French with its values before and after: euros for amounts,
    /// partner kinds in French, « — » for a field that was or became empty
    /// ("public 210 → 220", "animations « Bal » → « Bal | Quiz »").
    public static func french(_ change: RecordFieldChange) -> String {
        let value = { (text: String?) -> String in
            guard let text else { return "—" }
            switch change.field {
            case .attendance, .volunteers: return text
            case .localSpend, .sales: return Int(text).map { FrenchNumber.with(Double($0) / 100, unit: "€", decimals: 2) } ?? text
            case .partners:
                let kinds = Dictionary(RecordFields.kindWords.reversed().map { ($0.1.rawValue, $0.0) }, uniquingKeysWith: { $1 })
                let named = text.components(separatedBy: " | ").map { partner -> String in
                    guard let colon = partner.lastIndex(of: ":") else { return partner }
                    let kind = String(partner[partner.index(after: colon)...])
                    return "\(partner[..<colon]):\(kinds[kind] ?? kind)"
                }
                return "« " + named.joined(separator: " | ") + " »"
            case .animations, .weather, .notes: return "« \(text) »"
            }
        }
        return "\(french(change.field)) \(value(change.old)) → \(value(change.new))"
    }

    /// A store refusal in French, naming the record concerned.
    public static func french(_ error: StoreError) -> String {
        switch error {
        case .seasonNotFound(let id): return "saison inconnue « \(id) »"
        case .communeNotFound(let insee): return "commune inconnue (INSEE \(insee))"
        case .eventNotFound(let id): return "soirée inconnue « \(id) »"
        case .alreadyRecorded(let id): return "la soirée \(id) a déjà son compte rendu ; --amend le corrige"
        case .notRecorded(let id): return "la soirée \(id) n'a pas encore de compte rendu à corriger ; enregistrez-la sans --amend"
        case .invalidTransition(let id, let from, let action):
            return "la soirée \(id) est \(french(from)) : impossible de \(verb(action))"
        case .unchangedMove(let id): return "la soirée \(id) a déjà cette date et ces heures"
        case .eventInOtherSeason(let id, let stored, let plan):
            return "la soirée \(id) appartient à la saison \(stored), pas à \(plan)"
        case .invalidValue(let field, let reason): return "\(field) : \(reason)"
        case .malformedRow(let row): return french(row)
        case .database(let failure): return DatabaseFailureText.french(failure, path: nil)
        case .outboxMessageNotFound(let id): return "message \(id) absent de la file d'envoi"
        case .invalidOutboxTransition(let id, let from, let action):
            return "le message \(id) est \(french(from)) : impossible de \(outboxVerb(action))"
        }
    }

    /// A refusal of the migrator in French, naming the database.
    public static func french(_ error: MigrationError) -> String {
        switch error {
        case .databaseNewerThanProgram(let path, let unknown):
            return
                "\(path) : base mise à jour par une version plus récente de Tournée (migrations inconnues : \(unknown.joined(separator: ", "))) ; mettez Tournée à jour pour l'utiliser"
        case .foreignKeysBroken(let migration, let table):
            return
                "la migration \(migration) laisserait une ligne de la table \(table) sans sa ligne parente : elle a été annulée, la base est inchangée"
        }
    }

    /// A bad stored row in French: table, row, column, what was found and what was expected.
    public static func french(_ row: MalformedRow) -> String {
        let expected: String =
            switch row.expected {
            case .date: "une date AAAA-MM-JJ qui existe"
            case .time: "une heure HH:MM entre 00:00 et 23:59"
            case .oneOf(let words): "l'une des valeurs " + words.joined(separator: ", ")
            case .stringList: "une liste JSON de textes"
            case .dateNotBefore(let date): "une date au plus tôt le \(date)"
            case .instantAfter(let instant): "un instant après le début (\(instant), secondes Unix)"
            case .nonNegativeDistance: "une distance positive ou nulle en km"
            case .digest(let digest): "la marque du texte gardé (\(digest))"
            case .fieldChanges: "une liste JSON de corrections de champs"
            }
        return "table \(row.table), ligne « \(row.rowID) », colonne \(row.column) : trouvé « \(row.found) », attendu \(expected)"
    }

    /// A problem found by `tournee db check`, in French.
    public static func french(_ problem: IntegrityProblem) -> String {
        switch problem {
        case .integrity(let message):
            return "contrôle d'intégrité : " + IntegrityText.french(message)
        case .foreignKey(let table, let rowID, let parent):
            return "clé étrangère : la ligne \(rowID.map(String.init) ?? "?") de la table \(table) renvoie à une ligne absente de \(parent)"
        case .malformedRow(let row):
            return "ligne illisible : " + french(row)
        }
    }

    /// An outbox status as an adjective ("en attente").
    public static func french(_ status: OutboxStatus) -> String {
        switch status {
        case .awaitingApproval: "à approuver"
        case .queued: "en attente"
        case .sending: "en cours d'envoi"
        case .sent: "envoyé"
        case .parked: "mis de côté"
        case .cancelled: "annulé"
        case .skipped: "périmé"
        }
    }

    private static func outboxVerb(_ action: String) -> String {
        switch action {
        case "mark sent": "le marquer envoyé"
        case "mark failed": "noter son échec"
        case "park": "le mettre de côté"
        case "retry": "le renvoyer"
        case "cancel": "l'annuler"
        case "approve": "l'approuver"
        default: action
        }
    }

    private static func verb(_ action: EventChangeKind) -> String {
        switch action {
        case .imported, .replanned: "la replanifier"
        case .confirmed: "la confirmer"
        case .cancelled: "l'annuler"
        case .moved: "la déplacer"
        case .done: "l'enregistrer"
        case .withdrawn: "la retirer du plan"
        case .declined: "la noter refusée par la mairie"
        case .exception: "y faire une exception"
        }
    }
}
