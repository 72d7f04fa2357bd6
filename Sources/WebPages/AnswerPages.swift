import CivilTime
import Foundation
import HTTPServer
import Operations
import Planning
import Store
import TextFormats

/// The mairie's page behind its link, `/m/TOKEN`: the evening as the mairie needs it and three
/// answers — accept, another date (among those the season's rules allow), or no evening this
/// season — without an account and without JavaScript. A changed, cut or expired link gets a
/// page saying so, never another mairie's evening.
struct AnswerPages {
    let app: WebApp

    func install(into router: inout Router) {
        router.route("GET", prefix: "/m/") { request in page(request) }
        router.route("POST", prefix: "/m/") { request in answer(request) }
    }

    /// A link checked: valid, or the page that says why not.
    private enum Checked {
        case valid((token: String, claims: LinkClaims, links: ReplyLinks))
        case refused(HTTPResponse)
    }

    /// The link's token, its claims when valid, or the refusal page.
    private func claims(_ request: HTTPRequest) -> Checked {
        let token = String(request.path.dropFirst("/m/".count))
        guard let links = app.links else { return .refused(Self.invalid) }
        switch links.ring.verify(token, now: app.now) {
        case .valid(let claims): return .valid((token, claims, links))
        case .expired:
            return .refused(
                Page.message(
                    .gone, title: "Lien expiré",
                    text:
                        "Ce lien a expiré : la soirée est passée. Pour toute question, répondez au courriel reçu ou appelez l'organisateur."
                ))
        case .truncated, .tampered, .unknownKey: return .refused(Self.invalid)
        }
    }

    static let invalid = Page.message(
        .notFound, title: "Lien non valide",
        text: "Ce lien n'est pas valide : il a peut-être été coupé ou modifié en le copiant. Ouvrez le lien du courriel reçu, en entier.")

    private func desk(_ database: Database) -> MairieDesk { MairieDesk(database, directory: app.directory, seasons: app.seasons) }

    private func page(_ request: HTTPRequest) -> HTTPResponse {
        switch claims(request) {
        case .refused(let refusal): return refusal
        case .valid(let link):
            return app.withDatabase { database in
                guard let evening = try desk(database).evening(link.claims, at: app.now) else { return Self.invalid }
                let step = request.query.flatMap { FormFields(Array($0.utf8)) }?["etape"]
                if step == "dates", evening.mayAnswer, [.proposed, .confirmed].contains(evening.event.status) {
                    let dates = try desk(database).alternatives(for: evening.event, at: app.now)
                    return AnswerPage(evening: evening, token: link.token, links: link.links, organiser: app.organiser).datesPage(
                        dates, key: try WebApp.randomToken())
                }
                return AnswerPage(evening: evening, token: link.token, links: link.links, organiser: app.organiser).response(
                    key: try WebApp.randomToken())
            }
        }
    }

    private func answer(_ request: HTTPRequest) -> HTTPResponse {
        switch claims(request) {
        case .refused(let refusal): return refusal
        case .valid(let link):
            guard let fields = FormFields(body: request), let csrf = fields["csrf"], link.links.isFormToken(csrf, for: link.token) else {
                return Page.message(
                    .forbidden, title: "Formulaire refusé",
                    text: "Ce formulaire a expiré ou ne vient pas de Tournée : rouvrez le lien du courriel.")
            }
            guard let key = fields["cle"], (16...128).contains(key.utf8.count),
                let choice = ["accepte": MairieAnswer.Choice.accepted, "autre-date": .otherDates, "refus": .declinedSeason][
                    fields["reponse"] ?? ""]
            else { return Page.message(.badRequest, title: "Réponse incomplète", text: "Choisissez une réponse, puis envoyez-la.") }
            let dates = fields.values("date").compactMap(CivilDate.init(iso:))
            let comment = String((fields["commentaire"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(2000))
            return app.withDatabase { database in
                let back = ("/m/\(link.token)", "Revenir à la soirée")
                do {
                    switch try desk(database).answer(key: key, link.claims, choice: choice, dates: dates, comment: comment, at: app.now) {
                    case .recorded(let answer): return Page.message(.ok, title: "Merci", text: Self.thanks(answer), link: back)
                    case .alreadyReceived:
                        return Page.message(
                            .ok, title: "Réponse déjà reçue", text: "Cette réponse était déjà enregistrée : rien n'a changé.", link: back)
                    }
                } catch let refusal as MairieRefusal {
                    return Page.message(.conflict, title: "Réponse non enregistrée", text: refusal.description, link: back)
                } catch StoreError.eventNotFound {
                    return Self.invalid
                }
            }
        }
    }

    /// What the mairie reads once its answer is in.
    static func thanks(_ answer: MairieAnswer) -> String {
        switch answer.outcome {
        case .confirmed: "Merci ! La soirée est confirmée. Vous recevrez les détails pratiques une semaine avant."
        case .moved: "Merci ! La soirée est déplacée au \(answer.dates.first.map(FrenchDate.writtenOut) ?? "") et confirmée à cette date."
        case .declined, .cancelled:
            answer.choice == .declinedSeason
                ? "C'est noté : la commune n'accueillera pas de soirée cette saison. Merci de nous avoir répondu."
                : "C'est noté : cette date ne convient pas. L'organisateur vous proposera une autre date."
        case .forPlanner: "Merci ! Votre réponse est transmise à l'organisateur, qui vous recontactera."
        case .unchanged: "Merci ! C'était déjà noté ainsi."
        }
    }
}
