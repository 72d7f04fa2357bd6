import CivilTime
import CommandLineSupport
import Foundation
import Operations
import Store

/// `tournee outbox preview`: what the daemon of the configuration would send over the coming
/// days, each message as the transport would get it, from a copy of the database.
struct OutboxPreviewCommand {
    let days: Int
    let from: CivilDate?
    /// `--config`, else `config/tourneed.json`: the rules and templates are the daemon's.
    let config: String?

    func run(_ database: Database, _ context: CommandContext) -> ExitStatus {
        let shown = config ?? "config/tourneed.json"
        let configuration: DaemonConfiguration
        do { configuration = try DaemonConfiguration.load(path: context.url(for: shown).path) } catch {
            context.console.error("outbox preview : \(error.description)")
            return .configuration
        }
        let now = DatabaseAccess.now(context)
        let midnight = from.map { Int64(ParisTime.instant(on: $0, at: LocalTime(hour: 0, minute: 0)!).timeIntervalSince1970) }
        let start = max(now, midnight ?? now)
        let end = (midnight ?? now) + Int64(days) * 86_400
        // The links as the daemon would sign them, when its key ring exists already.
        let links = try? configuration.replyLinks(databasePath: database.path, create: false)
        let preview = OutboxPreview(
            scheduler: configuration.scheduler(seasons: KeptSeasonFacts(environment: context.environment), links: links))
        let items: [OutboxPreview.Item]
        do { items = try preview.run(database, now: now, from: start, until: end) } catch {
            return DatabaseAccess.report(error, path: database.path, context: context)
        }
        for item in items {
            let entry = item.entry
            context.console.line(
                "=== \(OutboxCommand.parisTime(item.instant)) · \(entry.rule) · \(entry.eventID) (séquence \(entry.eventVersion)) · à : \(entry.recipients.joined(separator: ", "))"
                    + (item.awaitsApproval ? " · à approuver avant l'envoi" : ""))
            context.console.out(String(decoding: item.message, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n"))
            context.console.line("")
        }
        let count = items.count
        context.console.line(
            "\(count) message\(count == 1 ? "" : "s") du \(OutboxCommand.parisTime(start)) au \(OutboxCommand.parisTime(end)) (aperçu : rien n'a été envoyé ni enregistré)"
        )
        return .success
    }
}
