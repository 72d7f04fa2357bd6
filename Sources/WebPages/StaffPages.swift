import CivilTime
import HTTPServer
import Operations
import Store
import TextFormats

/// The staff's pages: `/soirees` (tonight's and the last days' evenings of their vehicle, by
/// commune name) and `/soiree/ID` (the record form, and its answer). Planners may open them too.
struct StaffPages {
    let app: WebApp

    func install(into router: inout Router) {
        router.route("GET", "/soirees") { request in list(request) }
        router.route("GET", prefix: "/soiree/") { request in form(request) }
        router.route("POST", prefix: "/soiree/") { request in submit(request) }
    }

    private func list(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.staff, .planner]) { signedIn, database, _ in
            let evenings = try StaffDesk(database).evenings(for: signedIn.account, at: app.now)
            let items = evenings.map { evening in
                """
                <li><a href="/soiree/\(MarkupText.escaped(evening.event.id))"><strong>\(MarkupText.escaped(evening.communeName))</strong>
                <span>\(MarkupText.escaped(EveningText.when(evening.event)))</span>
                <span class="etat">\(MarkupText.escaped(EveningText.state(evening)))</span></a></li>
                """
            }
            let body =
                items.isEmpty
                ? "<p class=\"annonce\">Aucune soirée de votre véhicule aujourd'hui ni ces trois derniers jours.</p>"
                : "<ul class=\"soirees\">\(items.joined(separator: "\n"))</ul>"
            return Page.response(
                title: "Ce soir", signedIn: signedIn, body: body + "<p id=\"etat-envoi\" class=\"etat\" aria-live=\"polite\"></p>",
                script: true)
        }
    }

    private func form(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.staff, .planner]) { signedIn, database, _ in
            guard let evening = try StaffDesk(database).evening(id: eventID(request), for: signedIn.account, at: app.now) else {
                return notYours(signedIn)
            }
            return try RecordForm(evening: evening, signedIn: signedIn, partners: PartnerStore(database).all(), key: WebApp.randomToken())
                .response()
        }
    }

    private func submit(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: [.staff, .planner]) { signedIn, database, fields in
            let desk = StaffDesk(database)
            guard let fields, let evening = try desk.evening(id: eventID(request), for: signedIn.account, at: app.now) else {
                return WebApp.wantsJSON(request)
                    ? WebApp.json(.forbidden, ["etat": "refus", "message": StaffRefusal.notYours.description]) : notYours(signedIn)
            }
            let typed = RecordForm.Typed(fields)
            let partners = try PartnerStore(database).all()
            do {
                guard let key = typed.key else { throw StaffRefusal.reusedForm }
                let result = try desk.submit(key: key, try typed.input(eventID: evening.event.id), by: signedIn.account, at: app.now)
                let (state, text) = Self.answer(result, evening)
                if WebApp.wantsJSON(request) { return WebApp.json(.ok, ["etat": state, "message": text]) }
                return Page.message(
                    .ok, title: evening.communeName, text: text, signedIn: signedIn, link: ("/soirees", "Retour aux soirées"))
            } catch let error as RecordFieldError {
                let text = "\(RecordForm.label(error.key)) : \(error.message)"
                if WebApp.wantsJSON(request) { return WebApp.json(.badRequest, ["etat": "erreur", "message": text]) }
                return RecordForm(
                    evening: evening, signedIn: signedIn, partners: partners, key: try typed.key ?? WebApp.randomToken(), typed: typed
                )
                .response(status: .badRequest, problem: text)
            } catch let refusal as StaffRefusal {
                if WebApp.wantsJSON(request) { return WebApp.json(.conflict, ["etat": "refus", "message": refusal.description]) }
                return Page.message(
                    .conflict, title: evening.communeName, text: refusal.description, signedIn: signedIn,
                    link: ("/soirees", "Retour aux soirées"))
            }
        }
    }

    private func eventID(_ request: HTTPRequest) -> String { String(request.path.dropFirst("/soiree/".count)) }

    private func notYours(_ signedIn: SignedIn) -> HTTPResponse {
        Page.message(
            .notFound, title: "Soirée introuvable", text: StaffRefusal.notYours.description, signedIn: signedIn,
            link: ("/soirees", "Retour aux soirées"))
    }

    /// The state word the form's script shows, and the sentence for the person.
    static func answer(_ result: StaffDesk.Result, _ evening: StaffEvening) -> (String, String) {
        switch result {
        case .recorded: ("enregistre", "Soirée enregistrée. Merci !")
        case .corrected(let correction):
            ("corrige", "Compte rendu corrigé : " + correction.changes.map { StoreText.french($0.field) }.joined(separator: ", ") + ".")
        case .unchanged: ("inchange", "Rien à corriger : le compte rendu avait déjà ces valeurs.")
        case .alreadyReceived: ("deja-recu", "Ce formulaire était déjà arrivé : rien n'a été enregistré deux fois.")
        }
    }
}
