import CivilTime
import CommandLineSupport
import Foundation
import Store
import TextFormats

/// `tournee outbox list|show ID|retry ID|retry --all --status S|cancel ID|approve ID…|approve --all|preview`: the
/// operator's view of the daemon's outbox.
public struct OutboxCommand: Command {
    public static let name = "outbox"
    public static let summary = "consulte et corrige la file des messages du démon"
    public static let help = """
        Usage : tournee outbox list [--status STATUT]… [--json] [--db CHEMIN | --config FICHIER]
                tournee outbox show ID [--db CHEMIN | --config FICHIER]
                tournee outbox retry ID [--db CHEMIN | --config FICHIER]
                tournee outbox retry --all --status STATUT… [--db CHEMIN | --config FICHIER]
                tournee outbox cancel ID [--db CHEMIN | --config FICHIER]
                tournee outbox approve ID… [--by NOM] [--db CHEMIN | --config FICHIER]
                tournee outbox approve --all [--season SAISON] [--by NOM] [--db CHEMIN | --config FICHIER]
                tournee outbox preview [--days N] [--from DATE] [--config FICHIER] [--db CHEMIN]

        La file des messages que tourneed décide et envoie (rappels aux mairies et à l'équipe).

        Actions :
          list       une ligne par message : numéro, statut, événement, règle, séquence,
                     tentatives, prochain essai (heure de Paris), objet
          show ID    le détail d'un message et son texte complet (RFC 5322)
          retry ID   remet en file un message bloqué (parked), annulé ou périmé, à envoyer
                     tout de suite avec des tentatives neuves
          retry --all --status parked
                     de même pour tous les messages de ces statuts (parked, cancelled,
                     skipped), en une fois ; par exemple après un mot de passe du relais corrigé
          cancel ID  retire un message en file, bloqué ou à approuver ; il ne partira pas
          approve ID…
                     laisse partir à leur heure des messages à approuver (avec "approval":
                     "required" dans la configuration, chaque message attend qu'un
                     planificateur l'ait lu) ; --all : tous, ou ceux de --season
          preview    ce que tourneed enverrait du jour --from (défaut : maintenant) pendant
                     --days jours (défaut 7) : quand, à qui, et le texte complet tel que la
                     mairie le lira ; calculé sur une copie de la base avec les règles et
                     modèles de la configuration, sans rien envoyer ni enregistrer

        Statuts : awaiting-approval (à approuver), queued (en file), sending (en cours), sent
        (envoyé), parked (bloqué après un refus définitif ou trop d'essais), cancelled
        (retiré), skipped (périmé).

        Options :
          --status STATUT   list : ne liste que ce statut ; retry --all : les statuts à
                            remettre en file (répétable)
          --all             retry : tous les messages des statuts --status ; approve :
                            tous les messages à approuver
          --season SAISON   approve --all : ceux de cette saison seulement
          --by NOM          approve : qui approuve (défaut : $USER)
          --days N          preview : le nombre de jours à parcourir (1 à 366)
          --from DATE       preview : le premier jour (AAAA-MM-JJ, dès 0 h, heure de Paris)
          --json            liste en JSON
          --db CHEMIN       la base SQLite (sinon $TOURNEE_DB, sinon la clé "database" de
                            --config FICHIER, sinon de config/tourneed.json s'il existe)
          --config FICHIER  la configuration de tourneed qui nomme la base
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: [
            .init("status", repeatable: true), .init("db"), .init("config"), .init("days"), .init("from"), .init("season"), .init("by"),
        ],
        flags: ["json", "all"], positionals: ["ACTION", "ID"], minimumPositionals: 1, maximumPositionals: .some(nil))

    enum Action: Equatable {
        case list(statuses: [OutboxStatus], json: Bool)
        case show(Int64)
        case retry(Int64)
        case retryAll(statuses: [OutboxStatus])
        case cancel(Int64)
        case approve([Int64])
        case approveAll(season: String?)
        case preview(days: Int, from: CivilDate?)
    }

    let action: Action
    let access: DatabaseAccess
    let by: String?

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        let words = arguments.positionals
        func identifier() throws(UsageError) -> Int64 {
            guard words.count == 2, let id = Int64(words[1]), id > 0 else {
                throw UsageError("\(words[0]) demande le numéro d'un message (voir tournee outbox list)")
            }
            return id
        }
        var statuses: [OutboxStatus] = []
        for text in arguments.options["status"] ?? [] {
            guard let status = OutboxStatus(rawValue: text) else {
                throw UsageError(
                    "--status : statut inconnu « \(text) » (\(OutboxStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            statuses.append(status)
        }
        switch words[0] {
        case "list":
            guard words.count == 1 else { throw UsageError("list ne prend pas d'argument") }
            action = .list(statuses: statuses, json: arguments.has("json"))
        case "show": action = .show(try identifier())
        case "retry" where arguments.has("all"):
            guard words.count == 1 else { throw UsageError("retry --all ne prend pas de numéro") }
            let retryable: [OutboxStatus] = [.parked, .cancelled, .skipped]
            guard !statuses.isEmpty, statuses.allSatisfy(retryable.contains) else {
                throw UsageError("retry --all demande --status parmi parked, cancelled, skipped (ex. --status parked)")
            }
            action = .retryAll(statuses: statuses)
        case "retry": action = .retry(try identifier())
        case "cancel": action = .cancel(try identifier())
        case "approve" where arguments.has("all"):
            guard words.count == 1 else { throw UsageError("approve --all ne prend pas de numéro") }
            action = .approveAll(season: arguments.value("season"))
        case "approve":
            let ids = words.dropFirst().map { Int64($0) }
            guard !ids.isEmpty, ids.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw UsageError("approve demande les numéros des messages (voir tournee outbox list --status awaiting-approval) ou --all")
            }
            action = .approve(ids.compactMap { $0 })
        case "preview":
            guard words.count == 1 else { throw UsageError("preview ne prend pas de numéro") }
            action = .preview(days: try Self.days(arguments.value("days")), from: try Self.from(arguments.value("from")))
        default: throw UsageError("action inconnue « \(words[0]) » : list, show, retry, cancel, approve ou preview")
        }
        if arguments.options["season"] != nil, !(words[0] == "approve" && arguments.has("all")) {
            throw UsageError("--season ne vaut que pour approve --all")
        }
        if arguments.options["by"] != nil, words[0] != "approve" { throw UsageError("--by ne vaut que pour approve") }
        if arguments.options["days"] != nil || arguments.options["from"] != nil, words[0] != "preview" {
            throw UsageError("--days et --from ne valent que pour preview")
        }
        switch action {
        case .list: if arguments.has("all") { throw UsageError("--all ne vaut que pour retry et approve") }
        case .approveAll:
            if arguments.has("json") || arguments.options["status"] != nil {
                throw UsageError("--json et --status ne valent pas pour approve")
            }
        case .retryAll: if arguments.has("json") { throw UsageError("--json ne vaut que pour list") }
        case .preview:
            if arguments.has("json") || arguments.options["status"] != nil || arguments.has("all") {
                throw UsageError("--json, --status et --all ne valent pas pour preview")
            }
        default:
            if arguments.has("json") || arguments.options["status"] != nil || arguments.has("all") {
                throw UsageError("--json et --status ne valent que pour list, --all et --status que pour retry --all")
            }
        }
        access = DatabaseAccess(arguments)
        by = arguments.value("by")
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        access.withDatabase(context) { database in
            do {
                let outbox = OutboxStore(database)
                let now = Int64(context.now().timeIntervalSince1970)
                switch action {
                case .list(let statuses, let json):
                    let entries = try outbox.list(statuses: statuses)
                    if json {
                        context.console.line(Self.json(entries))
                    } else {
                        for entry in entries { context.console.line(Self.row(entry)) }
                    }
                case .show(let id):
                    guard let message = try outbox.message(id: id) else { throw StoreError.outboxMessageNotFound(id: id) }
                    context.console.out(Self.details(message))
                case .retry(let id):
                    try outbox.retry(id: id, at: now)
                    context.console.line("message \(id) remis en file, envoi au prochain passage de tourneed")
                case .retryAll(let statuses):
                    let count = try database.transaction {
                        let entries = try outbox.list(statuses: statuses)
                        for entry in entries { try outbox.retry(id: entry.id, at: now) }
                        return entries.count
                    }
                    context.console.line("\(count) message\(count == 1 ? "" : "s") remis en file, envoi au prochain passage de tourneed")
                case .cancel(let id):
                    try outbox.cancel(id: id, reason: "retiré par l'opérateur")
                    context.console.line("message \(id) retiré")
                case .approve(let ids):
                    let actor = DatabaseAccess.actor(by, context)
                    // All or none: a mistyped number leaves the others waiting too.
                    try database.transaction { for id in ids { try outbox.approve(id: id, actor: actor, at: now) } }
                    context.console.line(Self.approved(ids.count))
                case .approveAll(let season):
                    let actor = DatabaseAccess.actor(by, context)
                    if let season, try SeasonStore(database).season(id: season) == nil { throw StoreError.seasonNotFound(id: season) }
                    context.console.line(Self.approved(try outbox.approveAll(seasonID: season, actor: actor, at: now).count))
                case .preview(let days, let from):
                    return OutboxPreviewCommand(days: days, from: from, config: access.config).run(database, context)
                }
                return .success
            } catch let error as StoreError {
                switch error {
                case .outboxMessageNotFound(let id):
                    context.console.error("outbox : aucun message \(id)")
                    return .noInput
                case .invalidOutboxTransition(let id, let from, _):
                    context.console.error("outbox : le message \(id) est \(from.rawValue) : action impossible dans cet état")
                    return .dataError
                default:
                    return DatabaseAccess.report(error, path: database.path, context: context)
                }
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    private static func approved(_ count: Int) -> String {
        count == 1 ? "1 message approuvé : il partira à son heure" : "\(count) messages approuvés : ils partiront à leur heure"
    }

    private static func days(_ text: String?) throws(UsageError) -> Int {
        guard let text else { return 7 }
        guard let days = Int(text), (1...366).contains(days) else {
            throw UsageError("--days : « \(text) » ; attendu un nombre de jours de 1 à 366")
        }
        return days
    }

    private static func from(_ text: String?) throws(UsageError) -> CivilDate? {
        guard let text else { return nil }
        guard let date = CivilDate(iso: text) else { throw UsageError("--from : « \(text) » ; attendu une date AAAA-MM-JJ") }
        return date
    }

    static func parisTime(_ instant: Int64) -> String {
        let style = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: TimeZone(identifier: "Europe/Paris")!)
        return Date(timeIntervalSince1970: Double(instant)).formatted(style)
    }

    private static func row(_ entry: OutboxEntry) -> String {
        [
            String(entry.id), entry.status.rawValue, entry.eventID, entry.rule, "s\(entry.eventVersion)",
            String(entry.attempts), parisTime(entry.nextAttemptAt), entry.subject,
        ].joined(separator: "\t")
    }

    private static func details(_ message: OutboxMessage) -> String {
        let entry = message.entry
        var lines = [
            "message \(entry.id)", "statut : \(entry.status.rawValue)", "événement : \(entry.eventID)",
            "règle : \(entry.rule) (séquence \(entry.eventVersion))", "destinataires : \(entry.recipients.joined(separator: ", "))",
            "objet : \(entry.subject)", "tentatives : \(entry.attempts)", "prochain essai : \(parisTime(entry.nextAttemptAt))",
            "périme le : \(entry.expiresAt.map(parisTime) ?? "jamais")", "en file depuis : \(parisTime(entry.createdAt))",
            "envoyé le : \(entry.sentAt.map(parisTime) ?? "-")", "dernière erreur : \(entry.lastError ?? "-")", "",
        ]
        lines.append(String(decoding: message.message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
        return lines.joined(separator: "\n")
    }

    private static func json(_ entries: [OutboxEntry]) -> String {
        func optional(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }
        let objects: [JSONOutput] = entries.map { entry in
            .object([
                "id": .number(String(entry.id)), "status": .string(entry.status.rawValue), "event": .string(entry.eventID),
                "rule": .string(entry.rule), "sequence": .integer(entry.eventVersion),
                "recipients": .array(entry.recipients.map(JSONOutput.string)), "subject": .string(entry.subject),
                "attempts": .integer(entry.attempts), "nextAttemptAt": .string(parisTime(entry.nextAttemptAt)),
                "createdAt": .string(parisTime(entry.createdAt)), "expiresAt": optional(entry.expiresAt.map(parisTime)),
                "sentAt": optional(entry.sentAt.map(parisTime)), "lastError": optional(entry.lastError),
            ])
        }
        return JSONOutput.array(objects).rendered()
    }
}
