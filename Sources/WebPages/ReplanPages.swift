import Cryptography
import Foundation
import HTTPServer
import Operations
import Planning
import Store
import TextFormats

/// The re-plan from the board: `/replanifier/S` shows the change set `tournee plan S --db`
/// prints, computed from the database and the season it keeps; applying it posts the change
/// set's fingerprint, so that what is applied is what was read (if the database changed in
/// between, the new change set is shown instead). `/rapport/S` downloads the season's report.
struct ReplanPages {
    let app: WebApp

    func install(into router: inout Router) {
        router.route("GET", prefix: "/replanifier/") { request in show(request) }
        router.route("POST", prefix: "/replanifier/") { request in apply(request) }
        router.route("GET", prefix: "/rapport/") { request in report(request) }
    }

    private func prepared(_ seasonID: String, _ database: Database) throws -> (SeasonReplan, String)? {
        guard let loaded = try StoredSeason.loaded(seasonID: seasonID, from: database, directory: app.directory) else { return nil }
        let replan = try SeasonReplan.prepare(loaded, database: database, planner: Planner(), at: app.now)
        return (replan, PlanChangesTable.render(replan.changes, plan: replan.plan))
    }

    private func show(_ request: HTTPRequest, notice: String? = nil) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, _ in
            let seasonID = String(request.path.dropFirst("/replanifier/".count))
            guard signedIn.account.mayOpen(season: seasonID), try SeasonStore(database).season(id: seasonID) != nil else {
                return PlannerPages.unknownSeason(signedIn)
            }
            return try page(seasonID, database, signedIn, notice: notice)
        }
    }

    private func page(_ seasonID: String, _ database: Database, _ signedIn: SignedIn, notice: String?) throws -> HTTPResponse {
        guard let (_, text) = try prepared(seasonID, database) else {
            return Page.message(
                .conflict, title: "Replanification impossible",
                text: "La base ne garde pas le dossier de cette saison : replanifiez avec tournee plan.",
                signedIn: signedIn, link: ("/saison/\(seasonID)", "Retour à la saison"))
        }
        let body = """
            \(notice.map { "<p class=\"annonce\">\(MarkupText.escaped($0))</p>" } ?? "")
            <pre class="changements">\(MarkupText.escaped(text))</pre>
            <form method="post" action="/replanifier/\(MarkupText.escaped(seasonID))" class="formulaire">
            <input type="hidden" name="csrf" value="\(MarkupText.escaped(signedIn.session.csrfToken))">
            <input type="hidden" name="empreinte" value="\(Self.fingerprint(text))">
            <label for="raison">Raison (gardée dans l'historique de chaque soirée changée)</label>
            <input id="raison" name="raison" required>
            <button type="submit">Appliquer ces changements</button></form>
            <p><a href="/saison/\(MarkupText.escaped(seasonID))">Retour à la saison sans rien changer</a></p>
            """
        return Page.response(title: "Replanifier", signedIn: signedIn, body: body)
    }

    private func apply(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, fields in
            let seasonID = String(request.path.dropFirst("/replanifier/".count))
            guard let fields, signedIn.account.mayOpen(season: seasonID), try SeasonStore(database).season(id: seasonID) != nil,
                let (replan, text) = try prepared(seasonID, database)
            else { return PlannerPages.unknownSeason(signedIn) }
            guard fields["empreinte"] == Self.fingerprint(text) else {
                return try page(
                    seasonID, database, signedIn,
                    notice: "La saison a changé depuis l'affichage : voici les changements à jour, rien n'a été appliqué.")
            }
            let reason = (fields["raison"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else {
                return try page(seasonID, database, signedIn, notice: "Indiquez la raison de la replanification : rien n'a été appliqué.")
            }
            do {
                _ = try replan.apply(
                    to: database, acceptSeasonChange: false, directory: app.directory, actor: signedIn.account.name, at: app.now,
                    reason: reason)
            } catch let error as LifecycleError {
                return Page.message(
                    .conflict, title: "Refusé", text: error.lines.joined(separator: " "), signedIn: signedIn,
                    link: ("/saison/\(seasonID)", "Retour à la saison"))
            }
            let kinds = PlanChanges.Kind.allCases.map { "\(replan.changes.changes($0).count) \($0.rawValue)" }
            return Page.message(
                .ok, title: "Replanification appliquée", text: "Changements appliqués (\(kinds.joined(separator: ", "))).",
                signedIn: signedIn,
                link: ("/saison/\(seasonID)", "Retour à la saison"))
        }
    }

    private func report(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.planner]) { signedIn, database, _ in
            let seasonID = String(request.path.dropFirst("/rapport/".count))
            guard signedIn.account.mayOpen(season: seasonID), try SeasonStore(database).season(id: seasonID) != nil,
                let file = app.externalitiesFile
            else { return PlannerPages.unknownSeason(signedIn) }
            let model = try ExternalityModel.parse(try String(contentsOfFile: file, encoding: .utf8), file: file)
            let html = ReportHTML.render(
                try SeasonReport.build(database: database, seasonID: seasonID, model: model, directory: app.directory),
                outlines: try? DepartementOutlines.shipped.get())
            var headers = HTTPHeaders()
            headers.set("Content-Type", "text/html; charset=utf-8")
            // A download: the report's own inline style would be blocked by the pages' policy.
            headers.set("Content-Disposition", "attachment; filename=\"bilan-\(seasonID).html\"")
            return HTTPResponse(status: .ok, headers: headers, body: Array(html.utf8))
        }
    }

    /// The fingerprint of a change set's text.
    static func fingerprint(_ text: String) -> String { Hexadecimal.text(SHA256.hash(Array(text.utf8))) }
}
