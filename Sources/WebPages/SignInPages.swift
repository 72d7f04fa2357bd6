import CivilTime
import Cryptography
import Foundation
import HTTPServer
import Operations
import Store
import TextFormats

/// `/connexion` and `/deconnexion`. The sign-in form is protected by a double-submit token (a
/// cookie and a hidden field that must agree: another site can post the form but cannot read or
/// set the cookie); a wrong name, a wrong password and a disabled account get the same answer.
struct SignInPages {
    let app: WebApp

    func install(into router: inout Router) {
        router.route("GET", "/connexion") { request in form(request) }
        router.route("POST", "/connexion") { request in signIn(request) }
        router.route("POST", "/deconnexion") { request in signOut(request) }
    }

    private func form(_ request: HTTPRequest, status: HTTPStatus = .ok, problem: String? = nil, name: String = "") -> HTTPResponse {
        guard let token = try? WebApp.randomToken() else {
            return Page.message(.serviceUnavailable, title: "Service indisponible", text: "Réessayez dans un instant.")
        }
        let notice = problem.map { "<p class=\"erreur\" role=\"alert\">\(MarkupText.escaped($0))</p>" } ?? ""
        var response = Page.response(
            status, title: "Connexion",
            body: """
                \(notice)
                <form method="post" action="/connexion" class="formulaire">
                <input type="hidden" name="csrf" value="\(token)">
                <label for="nom">Nom du compte</label>
                <input id="nom" name="nom" autocomplete="username" autocapitalize="none" required value="\(MarkupText.escaped(name))">
                <label for="mot_de_passe">Mot de passe</label>
                <input id="mot_de_passe" name="mot_de_passe" type="password" autocomplete="current-password" required>
                <button type="submit">Se connecter</button>
                </form>
                """)
        response.headers.append("Set-Cookie", RequestCookies.setting(WebApp.signInCookie, token, secure: app.secureCookies))
        return response
    }

    private func signIn(_ request: HTTPRequest) -> HTTPResponse {
        guard let fields = FormFields(body: request), let token = fields["csrf"],
            let cookie = RequestCookies.value(WebApp.signInCookie, in: request),
            ConstantTime.equal(Array(token.utf8), Array(cookie.utf8))
        else {
            return form(
                request, status: .forbidden, problem: "Le formulaire a expiré : saisissez de nouveau votre nom et votre mot de passe.")
        }
        let name = fields["nom"] ?? ""
        return app.withDatabase { database in
            let keeper = SessionKeeper(database, policy: app.policy)
            let now = app.now
            try keeper.sweep(at: now)
            switch try keeper.signIn(name: name, password: fields["mot_de_passe"] ?? "", address: request.clientAddress, at: now) {
            case .opened(let cookie, _, _):
                return Page.redirect(
                    to: "/",
                    cookies: [
                        RequestCookies.setting(WebApp.sessionCookie, cookie, secure: app.secureCookies),
                        RequestCookies.setting(WebApp.signInCookie, "", secure: app.secureCookies, maxAge: 0),
                    ])
            case .refused:
                return form(request, status: .forbidden, problem: "Nom ou mot de passe incorrect.", name: name)
            case .throttled(let retryAt):
                let local = ParisTime.civil(Date(timeIntervalSince1970: Double(retryAt)))
                var response = form(
                    request, status: .tooManyRequests,
                    problem: "Trop d'essais : nouvel essai possible à \(ReminderComposer.spoken(local.time)) (heure de Paris).", name: name)
                response.headers.set("Retry-After", String(max(1, retryAt - now)))
                return response
            }
        }
    }

    private func signOut(_ request: HTTPRequest) -> HTTPResponse {
        app.page(request, roles: Set(AccountRole.allCases)) { _, database, _ in
            if let cookie = RequestCookies.value(WebApp.sessionCookie, in: request) {
                try SessionKeeper(database, policy: app.policy).signOut(cookie: cookie)
            }
            return Page.redirect(
                to: "/connexion", cookies: [RequestCookies.setting(WebApp.sessionCookie, "", secure: app.secureCookies, maxAge: 0)])
        }
    }
}
