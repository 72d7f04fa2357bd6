import Foundation
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

/// Trying to break the staff's and planners' pages through the real `tourneed`, with Python's
/// http.client: forged sign-in, session fixation, guessing, roles, CSRF, XSS, other seasons,
/// expired and revoked sessions — each refused, and the refusals in the access log.
@Suite(.serialized) struct PagesSecurityTests {
    struct Seen: Decodable {
        let loginWithoutCookie: Int
        let login: Int
        let loginLocation: String?
        let sessionChanged: Bool
        let sessionCookie: [String]
        let plantedAccepted: Int
        let wrong: [Int]
        let locked: Int
        let retryAfter: String?
        let lockedText: Bool
        let nameEscaped: Bool
        let staffPages: [String: Int]
        let staffConfirm: Int
        let csrf: [Int]
        let typoStatus: Int
        let typoExplained: Bool
        let xssRecorded: Int
        let xssEscaped: Bool
        let otherSeasonStaff: [Int]
        let otherSeasonPlanner: [Int]
        let claireListingHas2027: Bool
        let logout: Int
        let afterLogout: Int
        let cookies: [String: String]
    }

    @Test func everyAttemptIsRefusedAndLogged() throws {
        let world = try WebWorld(now: "2023-05-13T23:30:00+02:00")
        let seen = try PythonPeer.json(Seen.self, "http_pages_security.py", ["127.0.0.1", String(world.port), WebWorld.password])
        #expect(seen.loginWithoutCookie == 403)
        #expect(seen.login == 303 && seen.loginLocation == "/")
        #expect(seen.sessionChanged && seen.plantedAccepted == 303)
        #expect(
            seen.sessionCookie.count == 1 && seen.sessionCookie[0].hasSuffix("; Path=/; HttpOnly; SameSite=Lax"), "\(seen.sessionCookie)"
        )
        #expect(seen.wrong == [403, 403, 403, 403, 403])
        #expect(seen.locked == 429 && seen.lockedText)
        #expect(seen.retryAfter.flatMap(Int.init).map { (1...900).contains($0) } == true, "\(String(describing: seen.retryAfter))")
        #expect(seen.nameEscaped)
        #expect(seen.staffPages.values.allSatisfy { $0 == 403 }, "\(seen.staffPages)")
        #expect(seen.staffConfirm == 403)
        #expect(seen.csrf == [403, 403, 403])
        // A mistyped count gets the form back with the field named and what was typed kept.
        #expect(seen.typoStatus == 400 && seen.typoExplained)
        #expect(seen.xssRecorded == 200 && seen.xssEscaped)
        #expect(seen.otherSeasonStaff == [404, 404])
        #expect(seen.otherSeasonPlanner == [404, 404, 404, 200])
        #expect(!seen.claireListingHas2027)
        #expect(seen.logout == 303 && seen.afterLogout == 303)

        let database = try world.open()
        #expect(try EventStore(database).event(id: "guinguette-2023-52528-3")?.status == .proposed)
        #expect(try EventStore(database).event(id: "guinguette-2027-51315-printemps-1")?.status == .proposed)
        #expect(try RecordStore(database).record(eventID: "guinguette-2027-51315-printemps-1") == nil)
        #expect(try RecordStore(database).records().count == 1)
        try database.close()
        let log = world.daemon.stderr
        for status in ["status=403", "status=404", "status=429"] { #expect(log.contains(status), "\(status)") }
        #expect(!log.contains(WebWorld.password) && !log.contains(seen.cookies["bruno"] ?? "?"))

        // Revoked: disabling claire ends her session at once; bruno's still opens.
        let revoke = try ChildRun.toEnd(
            executable: try BuiltProgram.path("tournee"), arguments: ["user", "disable", "claire", "--db", world.database], timeout: 60)
        #expect(revoke.status == 0)
        let sessions = ["bruno=\(seen.cookies["bruno"] ?? "")", "claire=\(seen.cookies["claire"] ?? "")"]
        let afterRevoke = try PythonPeer.json(
            [String: [String?]].self, "http_pages_session.py", ["127.0.0.1", String(world.port), "/soirees"] + sessions)
        #expect(afterRevoke["bruno"] == ["200", nil])
        #expect(afterRevoke["claire"] == ["303", "/connexion"])
        // Expired: nine hours later (the idle limit is eight), after a restart, bruno's session is over.
        try world.restart(now: "2023-05-14T08:31:00+02:00")
        let later = try PythonPeer.json(
            [String: [String?]].self, "http_pages_session.py", ["127.0.0.1", String(world.port), "/soirees"] + sessions)
        #expect(later["bruno"] == ["303", "/connexion"])
    }

    struct Page: Decodable {
        let status: Int
        let body: String
    }

    /// A commune whose name is markup (a typing accident or a hostile import) shows as text on
    /// the board, on the staff's evenings and on its record form, never as markup.
    @Test func aCommuneNamedLikeMarkupIsShownAsText() throws {
        let world = try WebWorld(now: "2023-05-13T23:30:00+02:00")
        let hostile = "Landri<script>alert(\"x\")</script>court & <b>fils</b>"
        let database = try world.open()
        var commune = try #require(try CommuneStore(database).all().first { $0.insee == "51315" })
        commune.name = hostile
        try CommuneStore(database).save(commune)
        let evening = try #require(try EventStore(database).events(seasonID: "guinguette-2023").first { $0.planned.insee == "51315" })
        try database.close()
        let paths = ["anne:/saison/guinguette-2023", "bruno:/soirees", "bruno:/soiree/\(evening.id)"]
        let pages = try PythonPeer.json(
            [String: Page].self, "http_page_bodies.py", ["127.0.0.1", String(world.port), WebWorld.password] + paths)
        for path in paths.map({ String($0.split(separator: ":", maxSplits: 1)[1]) }) {
            let page = try #require(pages[path])
            #expect(page.status == 200, "\(path)")
            #expect(!page.body.contains("<script>alert") && !page.body.contains("<b>fils"), "\(path)")
        }
        let escaped = "Landri&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;court &amp; &lt;b&gt;fils&lt;/b&gt;"
        #expect(pages["/saison/guinguette-2023"]?.body.contains(escaped) == true)
        #expect(pages["/soiree/\(evening.id)"]?.body.contains(escaped) == true)
    }
}
