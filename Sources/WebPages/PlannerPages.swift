import CivilTime
import Foundation
import HTTPServer
import Operations
import Planning
import SeasonVocabulary
import Store
import TextFormats

/// The planners' pages: `/saisons` (the seasons open to the account) and `/saison/S`, the
/// season board — its evenings by date with their status and the actions that fit it, the
/// re-plan, the map of its live evenings, the outbox and the report. Every action goes through the library code the command
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
                <a href="/replanifier/\(MarkupText.escaped(seasonID))">Replanifier</a> · <a href="#carte">Carte</a>\(app.externalitiesFile == nil ? "" : " · <a href=\"/rapport/\(MarkupText.escaped(seasonID))\">Bilan</a>")</p>
                <table><thead><tr><th>Soirée</th><th>Commune</th><th>Statut</th><th>Actions</th></tr></thead>
                <tbody>\(rows.joined(separator: "\n"))</tbody></table>
                <h2 id="carte">Carte</h2>
                \(try map(seasonID, events: events, database))
                <h2>Messages en attente</h2>
                \(PlannerActions.outbox(waiting, csrf: csrf))
                """
            return Page.response(title: season.name, signedIn: signedIn, body: body)
        }
    }

    /// The season's live evenings (proposed, confirmed, held) on its map (`TourMap.of`), drawn
    /// from the season the database keeps; a note when it keeps none.
    private func map(_ seasonID: String, events: [Event], _ database: Database) throws -> String {
        guard let season = try StoredSeason.load(seasonID: seasonID, from: database, directory: app.directory) else {
            return "<p>Pas de carte : la saison a été importée sans ses fichiers.</p>"
        }
        let live = events.filter { [.proposed, .confirmed, .done].contains($0.status) }
        let count = { (status: EventStatus) in live.filter { $0.status == status }.count }
        let map = TourMap.of(
            season,
            evenings: live.map {
                TourMap.Evening(date: $0.planned.slot.date, tour: $0.planned.tour ?? $0.planned.vehicle, insee: $0.planned.insee)
            },
            figures: [
                "\(live.count) soirées : \(count(.confirmed)) confirmées,", "\(count(.proposed)) proposées, \(count(.done)) faites",
            ])
        let (svg, description) = TourMapSVG.drawing(map, outlines: try? DepartementOutlines.shipped.get())
        return "<div class=\"carte\">\(svg.fragment(title: "Carte de la saison", description: description))</div>"
    }

    /// The page for a season the account may not open, or that does not exist: the same 404,
    /// so that another season's identifiers cannot be probed.
    static func unknownSeason(_ signedIn: SignedIn) -> HTTPResponse {
        Page.message(
            .notFound, title: "Saison introuvable", text: "Aucune saison de ce nom ne vous est ouverte.", signedIn: signedIn,
            link: ("/saisons", "Vos saisons"))
    }
}
