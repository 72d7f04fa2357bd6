import Cryptography
import Foundation
import HTTPServer
import Operations
import Planning
import Store
import TextFormats

/// The pages of the staff and the planners, served by `tourneed`: sign-in, the staff's
/// « Ce soir » with its record form, the planners' season board. Each request opens its own
/// connection to the database (SQLite's WAL lets them read beside the daemon's writes), so a
/// sign-in's 0.6 s of PBKDF2 holds no lock other requests wait for.
public struct WebApp: Sendable {
    /// The session cookie's name.
    static let sessionCookie = "tournee_session"
    /// The sign-in form's CSRF cookie (double submit: no session exists yet).
    static let signInCookie = "tournee_connexion"

    let databasePath: String
    let clock: @Sendable () -> Date
    let secureCookies: Bool
    let policy: SessionPolicy
    let environment: [String: String]
    /// The externality model the report is computed with; no report link without it.
    let externalitiesFile: String?
    /// The mairies' links (their key ring); nil when no key ring is loaded: no answer page.
    let links: ReplyLinks?
    /// Who the answer page says to call.
    let organiser: MailIdentity.Organiser?
    private let communes: CommuneDirectoryCache
    /// The kept seasons' facts the answer page shows (place, arrival, needs).
    let seasons: KeptSeasonFacts

    /// The pages over the database at `databasePath`, at `clock`'s time; cookies are `Secure`
    /// when the public address is https; `environment` says where the national communes file is
    /// (`TOURNEE_COMMUNES_FILE`).
    public init(
        databasePath: String, clock: @escaping @Sendable () -> Date, secureCookies: Bool, environment: [String: String],
        externalitiesFile: String?, links: ReplyLinks? = nil, organiser: MailIdentity.Organiser? = nil,
        policy: SessionPolicy = SessionPolicy()
    ) {
        self.databasePath = databasePath
        self.clock = clock
        self.secureCookies = secureCookies
        self.environment = environment
        self.externalitiesFile = externalitiesFile
        self.policy = policy
        self.links = links
        self.organiser = organiser
        let communes = CommuneDirectoryCache(environment: environment)
        self.communes = communes
        seasons = KeptSeasonFacts(directory: { try communes.directory() })
    }

    /// The national communes file, read once for all requests (it is the same file all along).
    var directory: @Sendable () throws -> CommuneDirectory { { [communes] in try communes.directory() } }

    /// Adds the pages' routes to `router`.
    public func install(into router: inout Router) {
        router.route("GET", "/") { request in self.home(request) }
        router.route("GET", "/static/tournee.css") { _ in StaticFiles.response(StaticFiles.styleSheet, type: "text/css") }
        router.route("GET", "/static/soiree.js") { _ in StaticFiles.response(StaticFiles.formScript, type: "text/javascript") }
        SignInPages(app: self).install(into: &router)
        StaffPages(app: self).install(into: &router)
        PlannerPages(app: self).install(into: &router)
        AnswerPages(app: self).install(into: &router)
    }

    /// Unix seconds now.
    var now: Int64 { Int64(clock().timeIntervalSince1970.rounded(.down)) }

    /// `body`'s response with a connection to the database, closed afterwards; a database that
    /// cannot be read is a 503 page (the daemon's log has the cause from its own connection).
    func withDatabase(_ body: (Database) throws -> HTTPResponse) -> HTTPResponse {
        do {
            let database = try Database(path: databasePath)
            defer { try? database.close() }
            return try body(database)
        } catch {
            return Page.message(
                .serviceUnavailable, title: "Service indisponible",
                text: "La base de la saison est indisponible ; réessayez dans un instant.")
        }
    }

    /// The person signed in on `request`, nil when its cookie opens no live session.
    func signedIn(_ request: HTTPRequest, _ database: Database) throws -> SignedIn? {
        guard let cookie = RequestCookies.value(Self.sessionCookie, in: request), !cookie.isEmpty, cookie.utf8.count <= 128 else {
            return nil
        }
        return try SessionKeeper(database, policy: policy).resume(cookie: cookie, at: now).map {
            SignedIn(account: $0.account, session: $0.session)
        }
    }

    /// Runs `body` for a signed-in person whose role is in `roles`; otherwise the sign-in page
    /// (no session) or a 403 (a role that may not). A POST must carry the session's CSRF token.
    func page(
        _ request: HTTPRequest, roles: Set<AccountRole>, _ body: (SignedIn, Database, FormFields?) throws -> HTTPResponse
    ) -> HTTPResponse {
        withDatabase { database in
            guard let signedIn = try signedIn(request, database) else {
                if request.method == "POST" && Self.wantsJSON(request) {
                    return Self.json(
                        .forbidden, ["etat": "session", "message": "Session terminée : reconnectez-vous, la saisie est gardée."])
                }
                return Page.redirect(to: "/connexion")
            }
            guard roles.contains(signedIn.account.role) else {
                return Page.message(
                    .forbidden, title: "Accès refusé", text: "Cette page n'est pas ouverte à votre compte.", signedIn: signedIn,
                    link: ("/", "Retour"))
            }
            var form: FormFields?
            if request.method == "POST" {
                guard let fields = FormFields(body: request), let token = fields["csrf"],
                    ConstantTime.equal(Array(token.utf8), Array(signedIn.session.csrfToken.utf8))
                else {
                    if Self.wantsJSON(request) {
                        return Self.json(.forbidden, ["etat": "formulaire", "message": "Formulaire expiré : rechargez la page."])
                    }
                    return Page.message(
                        .forbidden, title: "Formulaire refusé",
                        text: "Ce formulaire a expiré ou ne vient pas de Tournée : rechargez la page et recommencez.",
                        signedIn: signedIn, link: ("/", "Retour"))
                }
                form = fields
            }
            return try body(signedIn, database, form)
        }
    }

    /// `/`: the page of the person's role, or the sign-in page.
    private func home(_ request: HTTPRequest) -> HTTPResponse {
        withDatabase { database in
            switch try signedIn(request, database)?.account.role {
            case .staff?: Page.redirect(to: "/soirees")
            case .planner?: Page.redirect(to: "/saisons")
            case nil: Page.redirect(to: "/connexion")
            }
        }
    }

    /// A new random value for a cookie or a form key (base64url of 32 bytes).
    static func randomToken() throws -> String { Base64URL.encode(try SecureRandom.bytes(32)) }

    /// Whether the request comes from the form's script, which reads JSON answers.
    static func wantsJSON(_ request: HTTPRequest) -> Bool { request.headers["Accept"]?.contains("application/json") == true }

    /// A small JSON answer for the form's script.
    static func json(_ status: HTTPStatus, _ fields: [String: String]) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "application/json; charset=utf-8")
        return HTTPResponse(
            status: status, headers: headers, body: Array(JSONOutput.object(fields.mapValues { .string($0) }).rendered().utf8))
    }
}
