import CommandLineSupport
import Foundation
import Operations
import Planning
import SeasonVocabulary
import Store
import TextFormats

/// `tournee events`: the stored evenings with their status.
public struct EventsCommand: Command {
    public static let name = "events"
    public static let summary = "liste les soirées de la base et leur statut"
    public static let help = """
        Usage : tournee events [--season SAISON] [--status STATUT]… [--json] [--db FICHIER]

        Liste les soirées par date : identifiant, date et heures, commune, tournée, statut
        (proposed : proposée, confirmed : confirmée, cancelled : annulée, done : faite, withdrawn :
        retirée par une replanification, declined : refusée par la mairie) et version.

        Options :
          --season SAISON   seulement cette saison (identifiant du plan, ex. guinguette-2023)
          --status STATUT   seulement ce statut (répétable)
          --json            un tableau JSON d'objets (chacun avec son « id »)
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(
        options: DatabaseAccess.options + [.init("season"), .init("status", repeatable: true)],
        flags: ["json"])

    let season: String?
    let statuses: [EventStatus]
    let json: Bool
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        season = arguments.value("season")
        var statuses: [EventStatus] = []
        for word in arguments.options["status"] ?? [] {
            guard let status = EventStatus(rawValue: word) else {
                throw UsageError(
                    "--status : « \(word) » inconnu (\(EventStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            statuses.append(status)
        }
        self.statuses = statuses
        json = arguments.has("json")
        access = DatabaseAccess(arguments)
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        access.withDatabase(context) { database in
            do {
                if let season, try SeasonStore(database).season(id: season) == nil { throw StoreError.seasonNotFound(id: season) }
                let events = try EventStore(database).events(seasonID: season, statuses: statuses)
                let names = try CommuneStore(database).names()
                if json {
                    context.console.out(
                        JSONOutput.array(events.map { Self.json($0, communeName: names[$0.planned.insee] ?? "") }).rendered())
                    return .success
                }
                for event in events {
                    let slot = event.planned.slot
                    context.console.line(
                        [
                            event.id, slot.date.description, "\(slot.localStart)–\(slot.localEnd)",
                            names[event.planned.insee] ?? event.planned.insee,
                            event.planned.tour ?? "-", StoreText.french(event.status), "v\(event.version)",
                        ].joined(separator: "  "))
                }
                context.console.line("\(events.count) soirée(s)")
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    /// An event as a JSON object.
    static func json(_ event: Event, communeName: String) -> JSONOutput {
        let slot = event.planned.slot
        return .object([
            "id": .string(event.id), "season": .string(event.planned.seasonID), "date": .string(slot.date.description),
            "start": .string(slot.localStart.description), "end": .string(slot.localEnd.description),
            "startsAt": .integer(Int(slot.startsAt)), "endsAt": .integer(Int(slot.endsAt)),
            "insee": .string(event.planned.insee), "commune": .string(communeName),
            "tour": event.planned.tour.map(JSONOutput.string) ?? .null, "vehicle": .string(event.planned.vehicle),
            "km": .number(event.planned.km, decimals: 1), "status": .string(event.status.rawValue),
            "version": .integer(event.version), "sequence": .integer(event.sequence),
        ])
    }
}
