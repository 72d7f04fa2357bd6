import CivilTime
import CommandLineSupport
import Foundation
import Operations
import Planning
import Store
import TextFormats

/// `tournee event confirm|decline|cancel|move|licence|history ID`: one evening's status, date,
/// licence and history.
public struct EventCommand: Command {
    public static let name = "event"
    public static let summary = "confirme, note refusée, annule ou déplace une soirée, note sa licence ; affiche son historique"
    public static let help = """
        Usage : tournee event ACTION ID [--reason TEXTE] [--by NOM] [--date AAAA-MM-JJ]
                             [--start HH:MM] [--end HH:MM] [--force] [--json] [--db FICHIER]

        Actions :
          confirm ID   la mairie a dit oui : proposée → confirmée
          decline ID   la mairie refuse cette date : proposée → refusée ; une replanification
                       (tournee plan SAISON --db) ne lui propose plus jamais cette date
          cancel ID    la soirée n'aura pas lieu : proposée ou confirmée → annulée
          move ID      nouvelle date (--date) et, si besoin, nouvelles heures (--start, --end) ;
                       la date doit rester dans la saison, dans les dates et les jours de la
                       tournée de la soirée (la saison gardée dans la base), un soir où le
                       véhicule n'est pas déjà pris
          licence ID   le maire a accordé la licence temporaire de débit de boissons de la
                       soirée confirmée, le jour --date (défaut : aujourd'hui) ; le rappel
                       d'une licence manquante ne part plus pour elle
          history ID   l'historique de la soirée : qui a changé quoi, quand et pourquoi, et
                       les corrections de son compte rendu (valeurs avant et après)

        confirm, decline, cancel, move et licence demandent --reason ; chaque changement est gardé dans
        l'historique avec son auteur et son heure. confirm et move sont refusés (code 65) quand
        la soirée enfreindrait une règle de la saison, ou tomberait un soir que sa commune a
        refusé : la règle et la soirée sont nommées.

        Options :
          --reason TEXTE    pourquoi (obligatoire pour confirm, decline, cancel, move, licence)
          --by NOM          qui (défaut : $USER)
          --date AAAA-MM-JJ nouvelle date (move) ; jour de l'arrêté (licence)
          --start HH:MM     nouvelle heure de début (move ; défaut : l'actuelle)
          --end HH:MM       nouvelle heure de fin (move ; défaut : l'actuelle)
        \(ForceOption.help)
          --json            history : un tableau JSON d'objets (chacun avec son « id »)
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("reason"), .init("by"), .init("date"), .init("start"), .init("end")],
        flags: ["json", "force"], positionals: ["ACTION", "ID"])

    enum Action: String, Sendable { case confirm, decline, cancel, move, licence, history }
    let action: Action
    let id: String
    let reason: String
    let by: String?
    let date: CivilDate?
    let start: LocalTime?
    let end: LocalTime?
    let json: Bool
    let force: Bool
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let action = Action(rawValue: arguments.positionals[0]) else {
            throw UsageError("action inconnue « \(arguments.positionals[0]) » (confirm, decline, cancel, move, licence, history)")
        }
        self.action = action
        id = arguments.positionals[1]
        by = arguments.value("by")
        json = arguments.has("json")
        access = DatabaseAccess(arguments)
        let reason = arguments.value("reason")?.trimmingCharacters(in: .whitespaces) ?? ""
        if action != .history, reason.isEmpty { throw UsageError("--reason TEXTE obligatoire : dites pourquoi") }
        self.reason = reason
        force = try ForceOption.reason(arguments) != nil
        if force, action != .confirm, action != .move { throw UsageError("--force ne va qu'avec confirm et move") }
        func time(_ name: String) throws(UsageError) -> LocalTime? {
            guard let text = arguments.value(name) else { return nil }
            guard let time = LocalTime(text: text) else { throw UsageError("--\(name) : heure HH:MM attendue, trouvé « \(text) »") }
            return time
        }
        start = try time("start")
        end = try time("end")
        if let text = arguments.value("date") {
            guard let date = CivilDate(iso: text) else { throw UsageError("--date : date AAAA-MM-JJ attendue, trouvé « \(text) »") }
            self.date = date
        } else {
            date = nil
        }
        if action == .move, date == nil, start == nil, end == nil {
            throw UsageError("move : --date (et/ou --start, --end) attendu")
        }
        if action != .move, start != nil || end != nil { throw UsageError("--start et --end ne vont qu'avec move") }
        if action != .move, action != .licence, date != nil { throw UsageError("--date ne va qu'avec move et licence") }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        access.withDatabase(context) { database in
            let events = EventStore(database)
            let lifecycle = EventLifecycle(database) { try CommuneDirectory.loadShipped(environment: context.environment) }
            let actor = DatabaseAccess.actor(by, context)
            let now = DatabaseAccess.now(context)
            do {
                let changed: EventLifecycle.Outcome
                switch action {
                case .confirm: changed = try lifecycle.confirm(id: id, reason: reason, force: force, actor: actor, at: now)
                case .decline: changed = try lifecycle.decline(id: id, reason: reason, actor: actor, at: now)
                case .cancel: changed = try lifecycle.cancel(id: id, reason: reason, actor: actor, at: now)
                case .history: return try printHistory(events, try RecordStore(database).corrections(eventID: id), context)
                case .licence:
                    let day = date ?? ParisTime.civil(context.now()).date
                    try lifecycle.recordLicence(id: id, grantedOn: day, reason: reason, actor: actor, at: now)
                    context.console.line("\(id) : licence accordée le \(day)")
                    return .success
                case .move:
                    changed = try lifecycle.move(
                        id: id, date: date, start: start, end: end, reason: reason, force: force, actor: actor, at: now)
                }
                let event = changed.event
                let slot = event.planned.slot
                context.console.line(
                    "\(event.id) : \(StoreText.french(event.status)), \(slot.date) \(slot.localStart)–\(slot.localEnd) (version \(event.version))"
                )
                ForceOption.print(changed.accepted, context: context)
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    private func printHistory(_ events: EventStore, _ corrections: [RecordCorrection], _ context: CommandContext) throws -> ExitStatus {
        guard try events.event(id: id) != nil else { throw StoreError.eventNotFound(id: id) }
        let history = try events.history(eventID: id)
        if json {
            let changes = history.map { (change: EventChange) -> (Int64, JSONOutput) in
                let text = { (value: (any CustomStringConvertible)?) -> JSONOutput in value.map { .string($0.description) } ?? .null }
                return (
                    change.at,
                    .object([
                        "id": .string("\(change.eventID)#\(change.version)"), "event": .string(change.eventID),
                        "version": .integer(change.version), "change": .string(change.kind.rawValue),
                        "oldStatus": change.oldStatus.map { .string($0.rawValue) } ?? .null,
                        "newStatus": .string(change.newStatus.rawValue),
                        "oldDate": text(change.oldDate), "newDate": text(change.newDate),
                        "oldStart": text(change.oldLocalStart), "newStart": text(change.newLocalStart),
                        "reason": .string(change.reason), "by": .string(change.actor), "at": .integer(Int(change.at)),
                        "exception": change.exception.map { .string($0) } ?? .null,
                    ])
                )
            }
            let corrected = corrections.enumerated().map { (number, correction) -> (Int64, JSONOutput) in
                (
                    correction.at,
                    .object([
                        "id": .string("\(correction.eventID)#correction-\(number + 1)"), "event": .string(correction.eventID),
                        "change": .string("recordCorrected"),
                        "fields": .array(
                            correction.changes.map {
                                .object([
                                    "field": .string($0.field.rawValue), "old": $0.old.map(JSONOutput.string) ?? .null,
                                    "new": $0.new.map(JSONOutput.string) ?? .null,
                                ])
                            }),
                        "reason": .string(correction.reason), "by": .string(correction.actor), "at": .integer(Int(correction.at)),
                    ])
                )
            }
            context.console.out(JSONOutput.array(Self.inTimeOrder(changes, corrected)).rendered())
            return .success
        }
        let when = { (at: Int64) in ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(at))) }
        let lines = history.map { change -> (Int64, String) in
            let moved =
                change.oldDate.map { old in
                    old != change.newDate || change.oldLocalStart != change.newLocalStart
                        ? " \(old) \(change.oldLocalStart.map(\.description) ?? "") → \(change.newDate) \(change.newLocalStart)" : ""
                } ?? ""
            return (
                change.at,
                "v\(change.version)  \(when(change.at))  \(change.actor)  \(change.kind.rawValue) → \(StoreText.french(change.newStatus))\(moved)\(change.exception.map { " (exception à \($0))" } ?? "")  « \(change.reason) »"
            )
        }
        let corrected = corrections.map { correction -> (Int64, String) in
            (
                correction.at,
                "    \(when(correction.at))  \(correction.actor)  compte rendu corrigé : \(correction.changes.map(StoreText.french).joined(separator: " ; "))  « \(correction.reason) »"
            )
        }
        for line in Self.inTimeOrder(lines, corrected) { context.console.line(line) }
        return .success
    }

    /// The status changes then the corrections of the record merged by instant, each list
    /// keeping its own order (a change comes before a correction of the same second).
    private static func inTimeOrder<T>(_ changes: [(Int64, T)], _ corrections: [(Int64, T)]) -> [T] {
        var merged: [T] = []
        var rest = corrections[...]
        for (at, change) in changes {
            while let next = rest.first, next.0 < at {
                merged.append(next.1)
                rest = rest.dropFirst()
            }
            merged.append(change)
        }
        return merged + rest.map(\.1)
    }
}
