import CivilTime
import CommandLineSupport
import Foundation
import Operations
import Planning
import Store
import TextFormats

/// `tournee event confirm|cancel|move|history ID`: one evening's status, date and history.
public struct EventCommand: Command {
    public static let name = "event"
    public static let summary = "confirme, annule ou déplace une soirée ; affiche son historique"
    public static let help = """
        Usage : tournee event ACTION ID [--reason TEXTE] [--by NOM] [--date AAAA-MM-JJ]
                             [--start HH:MM] [--end HH:MM] [--json] [--db FICHIER]

        Actions :
          confirm ID   la mairie a dit oui : proposée → confirmée
          cancel ID    la soirée n'aura pas lieu : proposée ou confirmée → annulée
          move ID      nouvelle date (--date) et, si besoin, nouvelles heures (--start, --end) ;
                       la date doit rester dans la saison et dans la tournée de la soirée (entre
                       sa première et sa dernière soirée)
          history ID   l'historique de la soirée : qui a changé quoi, quand et pourquoi

        confirm, cancel et move demandent --reason ; chaque changement est gardé dans
        l'historique avec son auteur et son heure.

        Options :
          --reason TEXTE    pourquoi (obligatoire pour confirm, cancel, move)
          --by NOM          qui (défaut : $USER)
          --date AAAA-MM-JJ nouvelle date (move)
          --start HH:MM     nouvelle heure de début (move ; défaut : l'actuelle)
          --end HH:MM       nouvelle heure de fin (move ; défaut : l'actuelle)
          --json            history : un tableau JSON d'objets (chacun avec son « id »)
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("reason"), .init("by"), .init("date"), .init("start"), .init("end")],
        flags: ["json"], positionals: ["ACTION", "ID"])

    enum Action: String, Sendable { case confirm, cancel, move, history }
    let action: Action
    let id: String
    let reason: String
    let by: String?
    let date: CivilDate?
    let start: LocalTime?
    let end: LocalTime?
    let json: Bool
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        guard let action = Action(rawValue: arguments.positionals[0]) else {
            throw UsageError("action inconnue « \(arguments.positionals[0]) » (confirm, cancel, move, history)")
        }
        self.action = action
        id = arguments.positionals[1]
        by = arguments.value("by")
        json = arguments.has("json")
        access = DatabaseAccess(arguments)
        let reason = arguments.value("reason")?.trimmingCharacters(in: .whitespaces) ?? ""
        if action != .history, reason.isEmpty { throw UsageError("--reason TEXTE obligatoire : dites pourquoi") }
        self.reason = reason
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
        if action != .move, date != nil || start != nil || end != nil {
            throw UsageError("--date, --start et --end ne vont qu'avec move")
        }
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        access.withDatabase(context) { database in
            let events = EventStore(database)
            let actor = DatabaseAccess.actor(by, context)
            let now = DatabaseAccess.now(context)
            do {
                let changed: Event
                switch action {
                case .confirm: changed = try events.confirm(id: id, reason: reason, actor: actor, at: now)
                case .cancel: changed = try events.cancel(id: id, reason: reason, actor: actor, at: now)
                case .history: return try printHistory(events, context)
                case .move:
                    guard let event = try events.event(id: id) else { throw StoreError.eventNotFound(id: id) }
                    switch try slot(for: event, database: database) {
                    case .failure(let failure): return failure.report(context)
                    case .success(let slot): changed = try events.move(id: id, to: slot, reason: reason, actor: actor, at: now)
                    }
                }
                let slot = changed.planned.slot
                context.console.line(
                    "\(changed.id) : \(StoreText.french(changed.status)), \(slot.date) \(slot.localStart)–\(slot.localEnd) (version \(changed.version))"
                )
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    /// The new slot, refused when the date leaves the season or the evening's tour.
    private func slot(for event: Event, database: Database) throws -> Result<EventSlot, CommandFailure> {
        let current = event.planned.slot
        let day = date ?? current.date
        let from = start ?? current.localStart
        let to = end ?? current.localEnd
        guard let season = try SeasonStore(database).season(id: event.planned.seasonID) else {
            throw StoreError.seasonNotFound(id: event.planned.seasonID)
        }
        if !season.contains(day) {
            return .failure(
                CommandFailure(
                    .dataError,
                    "--date \(day) : hors de la saison \(season.id) (du \(season.firstDate) au \(season.lastDate)) ; rien n'a changé"))
        }
        if let tour = event.planned.tour {
            let dates = try EventStore(database).events(seasonID: season.id).filter { $0.planned.tour == tour }.map(\.planned.slot.date)
            if let first = dates.min(), let last = dates.max(), day < first || day > last {
                return .failure(
                    CommandFailure(.dataError, "--date \(day) : hors de la tournée « \(tour) » (du \(first) au \(last)) ; rien n'a changé"))
            }
        }
        guard from != to else { return .failure(CommandFailure(.usage, "--start et --end : la soirée doit durer")) }
        let startsAt = ParisTime.instant(on: day, at: from)
        let endsAt = ParisTime.instant(on: to < from ? day.adding(days: 1) : day, at: to)
        return .success(
            EventSlot(
                date: day, localStart: from, localEnd: to,
                startsAt: Int64(startsAt.timeIntervalSince1970), endsAt: Int64(endsAt.timeIntervalSince1970)))
    }

    private func printHistory(_ events: EventStore, _ context: CommandContext) throws -> ExitStatus {
        guard try events.event(id: id) != nil else { throw StoreError.eventNotFound(id: id) }
        let history = try events.history(eventID: id)
        if json {
            context.console.out(
                JSONOutput.array(
                    history.map { (change: EventChange) -> JSONOutput in
                        let text = { (value: (any CustomStringConvertible)?) -> JSONOutput in value.map { .string($0.description) } ?? .null
                        }
                        return .object([
                            "id": .string("\(change.eventID)#\(change.version)"), "event": .string(change.eventID),
                            "version": .integer(change.version), "change": .string(change.kind.rawValue),
                            "oldStatus": change.oldStatus.map { .string($0.rawValue) } ?? .null,
                            "newStatus": .string(change.newStatus.rawValue),
                            "oldDate": text(change.oldDate), "newDate": text(change.newDate),
                            "oldStart": text(change.oldLocalStart), "newStart": text(change.newLocalStart),
                            "reason": .string(change.reason), "by": .string(change.actor), "at": .integer(Int(change.at)),
                        ])
                    }
                ).rendered())
            return .success
        }
        for change in history {
            let when = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(change.at)))
            let moved =
                change.oldDate.map { old in
                    old != change.newDate || change.oldLocalStart != change.newLocalStart
                        ? " \(old) \(change.oldLocalStart.map(\.description) ?? "") → \(change.newDate) \(change.newLocalStart)" : ""
                } ?? ""
            context.console.line(
                "v\(change.version)  \(when)  \(change.actor)  \(change.kind.rawValue) → \(StoreText.french(change.newStatus))\(moved)  « \(change.reason) »"
            )
        }
        return .success
    }
}
