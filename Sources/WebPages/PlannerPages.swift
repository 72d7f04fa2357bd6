import CivilTime
import Foundation
import HTTPServer
import Operations
import Planning
import Store
import TextFormats

/// The planners' pages: `/saisons` (the seasons open to the account) and `/saison/S`, the
/// season board — its evenings by date with their status and the actions that fit it, the
/// re-plan, the outbox and the report. Every action goes through the library code the command
/// line uses, with the planner's name in the history (`PlannerActions`, `ReplanPages`).
struct PlannerPages {
    let app: WebApp

    func install(into router: inout Router) {
        router.route("GET", "/saisons") { request in seasons(request) }
        router.route("GET", prefix: "/saison/") { request in board(request) }
        PlannerActions(app: app).install(into: &router)
        ReplanPages(app: app).install(into: &router)
    }

    private func seasons(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, _ in
            let open = try SeasonStore(database).all().filter { signedIn.account.mayOpen(season: $0.id) }
            let items = open.map { season in
                "<li><a href=\"/saison/\(MarkupText.escaped(season.id))\"><strong>\(MarkupText.escaped(season.name))</strong><span>\(season.firstDate) → \(season.lastDate)</span></a></li>"
            }
            let body =
                items.isEmpty
                ? "<p class=\"annonce\">Aucune saison ne vous est ouverte.</p>" : "<ul class=\"soirees\">\(items.joined())</ul>"
            return Page.response(title: "Saisons", signedIn: signedIn, body: body)
        }
    }

    private func board(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, _ in
            let seasonID = String(request.path.dropFirst("/saison/".count))
            guard signedIn.account.mayOpen(season: seasonID), let season = try SeasonStore(database).season(id: seasonID) else {
                return Self.unknownSeason(signedIn)
            }
            let events = try EventStore(database).events(seasonID: seasonID)
            let names = try CommuneStore(database).names()
            let csrf = MarkupText.escaped(signedIn.session.csrfToken)
            var answers: [String: MairieAnswer] = [:]
            for answer in try MairieAnswerStore(database).all(seasonID: seasonID) { answers[answer.eventID] = answer }
            let licensed = try LicenceGrantStore(database).grantedEventIDs()
            let rows = events.map { event -> String in
                let name = names[event.planned.insee] ?? event.planned.insee
                let answer =
                    answers[event.id].map { answer in
                        let comment = answer.comment.isEmpty ? "" : " — « \(answer.comment) »"
                        return "<br><small>Mairie : \(MarkupText.escaped(MairieAnswerText.said(answer) + comment))</small>"
                    } ?? ""
                return """
                    <tr><td>\(MarkupText.escaped(EveningText.when(event)))</td><td>\(MarkupText.escaped(name))</td>
                    <td>\(MarkupText.escaped(StoreText.french(event.status)))\(answer)\(licensed.contains(event.id) ? "<br><small>Licence accordée</small>" : "")</td>
                    <td class="actions">\(PlannerActions.buttons(for: event, licensed: licensed.contains(event.id), csrf: csrf))</td></tr>
                    """
            }
            let ids = Set(events.map(\.id))
            let waiting = try OutboxStore(database).list(statuses: [.awaitingApproval, .queued, .parked]).filter {
                ids.contains($0.eventID)
            }
            let body = """
                <p>\(season.firstDate) → \(season.lastDate) · \(events.count) soirées ·
                <a href="/replanifier/\(MarkupText.escaped(seasonID))">Replanifier</a>\(app.externalitiesFile == nil ? "" : " · <a href=\"/rapport/\(MarkupText.escaped(seasonID))\">Bilan</a>")</p>
                <table><thead><tr><th>Soirée</th><th>Commune</th><th>Statut</th><th>Actions</th></tr></thead>
                <tbody>\(rows.joined(separator: "\n"))</tbody></table>
                <h2>Messages en attente</h2>
                \(PlannerActions.outbox(waiting, csrf: csrf))
                """
            return Page.response(title: season.name, signedIn: signedIn, body: body)
        }
    }

    /// The page for a season the account may not open, or that does not exist: the same 404,
    /// so that another season's identifiers cannot be probed.
    static func unknownSeason(_ signedIn: SignedIn) -> HTTPResponse {
        Page.message(
            .notFound, title: "Saison introuvable", text: "Aucune saison de ce nom ne vous est ouverte.", signedIn: signedIn,
            link: ("/saisons", "Vos saisons"))
    }
}
