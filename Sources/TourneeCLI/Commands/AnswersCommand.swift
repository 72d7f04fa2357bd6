import CivilTime
import CommandLineSupport
import Foundation
import Operations
import Store
import TextFormats

/// `tournee answers`: what the mairies answered from their links, with their comments.
public struct AnswersCommand: Command {
    public static let name = "answers"
    public static let summary = "liste les réponses des mairies reçues par leur lien, avec leurs commentaires"
    public static let help = """
        Usage : tournee answers [--season SAISON] [--json] [--db FICHIER]

        Liste les réponses des mairies, de la plus ancienne à la plus récente : quand (heure de
        Paris), la soirée, la commune, l'adresse de la mairie, la réponse (accepte, autre date
        avec les dates choisies, refuse la saison), ce qu'elle a fait (confirmée, déplacée,
        refusée, annulée, à décider par le planificateur, inchangée) et le commentaire.

        Options :
          --season SAISON   seulement cette saison
          --json            un tableau JSON d'objets
        \(DatabaseAccess.help)
          -h, --help        affiche cette aide
        """
    public static let spec = ArgumentSpec(options: DatabaseAccess.options + [.init("season")], flags: ["json"])

    let season: String?
    let json: Bool
    let access: DatabaseAccess

    public init(_ arguments: ParsedArguments) throws(UsageError) {
        season = arguments.value("season")
        json = arguments.has("json")
        access = DatabaseAccess(arguments)
    }

    public func run(_ context: CommandContext) -> ExitStatus {
        access.withDatabase(context) { database in
            do {
                if let season, try SeasonStore(database).season(id: season) == nil { throw StoreError.seasonNotFound(id: season) }
                let answers = try MairieAnswerStore(database).all(seasonID: season)
                let events = Dictionary(
                    try EventStore(database).events(seasonID: season).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
                let names = try CommuneStore(database).names()
                let commune = { (answer: MairieAnswer) in events[answer.eventID].flatMap { names[$0.planned.insee] } ?? "" }
                if json {
                    context.console.out(JSONOutput.array(answers.map { Self.json($0, commune: commune($0)) }).rendered())
                    return .success
                }
                for answer in answers {
                    let local = ParisTime.civil(Date(timeIntervalSince1970: Double(answer.at)))
                    var line = [
                        "\(local.date) \(local.time)", answer.eventID, commune(answer), answer.address, MairieAnswerText.said(answer),
                        "→ " + MairieAnswerText.did(answer.outcome),
                    ]
                    if !answer.comment.isEmpty { line.append("« \(answer.comment) »") }
                    context.console.line(line.joined(separator: "  "))
                }
                context.console.line("\(answers.count) réponse(s)")
                return .success
            } catch {
                return DatabaseAccess.report(error, path: database.path, context: context)
            }
        }
    }

    static func json(_ answer: MairieAnswer, commune: String) -> JSONOutput {
        .object([
            "event": .string(answer.eventID), "commune": .string(commune), "address": .string(answer.address),
            "answer": .string(answer.choice.rawValue), "dates": .array(answer.dates.map { .string($0.description) }),
            "comment": .string(answer.comment), "outcome": .string(answer.outcome.rawValue), "at": .integer(Int(answer.at)),
        ])
    }
}
