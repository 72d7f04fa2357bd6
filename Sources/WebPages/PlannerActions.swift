import CivilTime
import Foundation
import HTTPServer
import Operations
import Planning
import Store
import TextFormats

/// What a planner does to one evening or one message from the board: confirm, cancel, move
/// (among the dates that keep the season's rules, `MoveChoices`), approve, retry or cancel a
/// waiting message. Each asks for its reason, goes through `EventLifecycle` or `OutboxStore` as the
/// command line does, and names the planner in the history.
struct PlannerActions {
    let app: WebApp

    func install(into router: inout Router) {
        router.route("POST", "/action") { request in act(request) }
        router.route("GET", prefix: "/deplacer/") { request in movePage(request) }
        router.route("POST", "/message") { request in message(request) }
    }

    /// The board's buttons for `event`.
    static func buttons(for event: Event, licensed: Bool, csrf: String) -> String {
        let id = MarkupText.escaped(event.id)
        var forms: [String] = []
        func form(_ action: String, _ label: String) -> String {
            """
            <form method="post" action="/action" class="petit"><input type="hidden" name="csrf" value="\(csrf)">
            <input type="hidden" name="soiree" value="\(id)"><input type="hidden" name="action" value="\(action)">
            <label>Raison <input name="raison" required></label><button type="submit">\(label)</button></form>
            """
        }
        if event.status == .proposed { forms.append(form("confirmer", "Confirmer")) }
        if event.status == .confirmed, !licensed { forms.append(form("licence", "Licence accordée")) }
        if event.status == .proposed || event.status == .confirmed {
            forms.append(form("annuler", "Annuler"))
            forms.append("<a href=\"/deplacer/\(id)\">Déplacer…</a>")
        }
        return forms.joined(separator: "\n")
    }

    /// The waiting messages with their buttons.
    static func outbox(_ entries: [OutboxEntry], csrf: String) -> String {
        guard !entries.isEmpty else { return "<p>Aucun message en attente.</p>" }
        let rows = entries.map { entry in
            let first =
                entry.status == .awaitingApproval
                ? #"<button type="submit" name="action" value="approuver">Approuver</button>"#
                : #"<button type="submit" name="action" value="renvoyer">Renvoyer</button>"#
            return """
                <tr><td>\(MarkupText.escaped(entry.subject))</td><td>\(MarkupText.escaped(StoreText.french(entry.status)))\(entry.lastError.map { " — " + MarkupText.escaped($0) } ?? "")</td>
                <td class="actions"><form method="post" action="/message" class="petit"><input type="hidden" name="csrf" value="\(csrf)">
                <input type="hidden" name="message" value="\(entry.id)">
                \(first) <button type="submit" name="action" value="abandonner">Abandonner</button></form></td></tr>
                """
        }
        return "<table><thead><tr><th>Message</th><th>État</th><th>Actions</th></tr></thead><tbody>\(rows.joined())</tbody></table>"
    }

    private func lifecycle(_ database: Database) -> EventLifecycle {
        EventLifecycle(database, directory: app.directory)
    }

    private func act(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, fields in
            guard let fields, let id = fields["soiree"], let event = try EventStore(database).event(id: id),
                signedIn.account.mayOpen(season: event.planned.seasonID)
            else { return PlannerPages.unknownSeason(signedIn) }
            let back = ("/saison/\(event.planned.seasonID)", "Retour à la saison")
            let reason = (fields["raison"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                return Page.message(
                    .badRequest, title: "Raison manquante", text: "Indiquez la raison : elle est gardée dans l'historique.",
                    signedIn: signedIn, link: back)
            }
            let actor = signedIn.account.name
            do {
                let outcome: EventLifecycle.Outcome
                switch fields["action"] {
                case "licence":
                    let today = ParisTime.civil(Date(timeIntervalSince1970: Double(app.now))).date
                    try lifecycle(database).recordLicence(id: id, grantedOn: today, reason: reason, actor: actor, at: app.now)
                    return Page.message(
                        .ok, title: "C'est fait",
                        text: "Licence notée, accordée le \(FrenchDate.writtenOut(today)) : \(EveningText.when(event)).",
                        signedIn: signedIn, link: back)
                case "confirmer": outcome = try lifecycle(database).confirm(id: id, reason: reason, force: false, actor: actor, at: app.now)
                case "annuler": outcome = try lifecycle(database).cancel(id: id, reason: reason, actor: actor, at: app.now)
                case "deplacer":
                    guard let date = fields["date"].flatMap(CivilDate.init(iso:)) else {
                        return Page.message(
                            .badRequest, title: "Date manquante", text: "Choisissez la nouvelle date.", signedIn: signedIn, link: back)
                    }
                    outcome = try lifecycle(database).move(
                        id: id, date: date, start: nil, end: nil, reason: reason, force: false, actor: actor, at: app.now)
                default:
                    return Page.message(
                        .badRequest, title: "Action inconnue", text: "Cette action n'existe pas.", signedIn: signedIn, link: back)
                }
                let text =
                    "\(StoreText.french(outcome.event.status).capitalized) : \(EveningText.when(outcome.event)) (version \(outcome.event.version))."
                return Page.message(.ok, title: "C'est fait", text: text, signedIn: signedIn, link: back)
            } catch let error as LifecycleError {
                return Page.message(.conflict, title: "Refusé", text: error.lines.joined(separator: " "), signedIn: signedIn, link: back)
            } catch let error as StoreError {
                return Page.message(.conflict, title: "Refusé", text: StoreText.french(error), signedIn: signedIn, link: back)
            }
        }
    }

    private func movePage(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, _ in
            let id = String(request.path.dropFirst("/deplacer/".count))
            guard let event = try EventStore(database).event(id: id), signedIn.account.mayOpen(season: event.planned.seasonID) else {
                return PlannerPages.unknownSeason(signedIn)
            }
            let dates = try MoveChoices(database, directory: app.directory).dates(for: id, at: app.now)
            let name = try CommuneStore(database).commune(insee: event.planned.insee)?.name ?? event.planned.insee
            let options = dates.map { "<option value=\"\($0)\">\(MarkupText.escaped(FrenchDate.writtenOut($0)))</option>" }
            let body =
                dates.isEmpty
                ? "<p class=\"annonce\">Aucune autre date ne garde les règles de la saison pour cette soirée.</p>"
                : """
                <form method="post" action="/action" class="formulaire"><input type="hidden" name="csrf" value="\(MarkupText.escaped(signedIn.session.csrfToken))">
                <input type="hidden" name="soiree" value="\(MarkupText.escaped(id))"><input type="hidden" name="action" value="deplacer">
                <label for="date">Nouvelle date (\(dates.count) possibles)</label><select id="date" name="date">\(options.joined())</select>
                <label for="raison">Raison</label><input id="raison" name="raison" required>
                <button type="submit">Déplacer la soirée</button></form>
                """
            return Page.response(
                title: "Déplacer la soirée de \(name)", signedIn: signedIn,
                body:
                    "<p class=\"quand\">Date actuelle : \(MarkupText.escaped(EveningText.when(event)))</p>\(body)<p><a href=\"/saison/\(MarkupText.escaped(event.planned.seasonID))\">Retour à la saison</a></p>"
            )
        }
    }

    private func message(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, fields in
            guard let fields, let id = fields["message"].flatMap({ Int64($0) }), let message = try OutboxStore(database).message(id: id),
                let event = try EventStore(database).event(id: message.entry.eventID),
                signedIn.account.mayOpen(season: event.planned.seasonID)
            else { return PlannerPages.unknownSeason(signedIn) }
            let back = ("/saison/\(event.planned.seasonID)", "Retour à la saison")
            do {
                switch fields["action"] {
                case "renvoyer": try OutboxStore(database).retry(id: id, at: app.now)
                case "approuver": try OutboxStore(database).approve(id: id, actor: signedIn.account.name, at: app.now)
                case "abandonner": try OutboxStore(database).cancel(id: id, reason: "abandonné par \(signedIn.account.name)")
                default:
                    return Page.message(
                        .badRequest, title: "Action inconnue", text: "Cette action n'existe pas.", signedIn: signedIn, link: back)
                }
            } catch let error as StoreError {
                return Page.message(.conflict, title: "Refusé", text: StoreText.french(error), signedIn: signedIn, link: back)
            }
            return Page.message(
                .ok, title: "C'est fait",
                text:
                    "Message « \(message.entry.subject) » : \(["renvoyer": "renvoi demandé", "approuver": "approuvé, il partira à son heure"][fields["action"] ?? ""] ?? "abandonné").",
                signedIn: signedIn, link: back)
        }
    }
}
