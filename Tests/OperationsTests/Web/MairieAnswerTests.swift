import Foundation
import Testing

@testable import Operations
@testable import Store
@testable import TestSupport

/// Mairies answer from the link in the request for agreement, through the real `tourneed` on
/// 3 April 2023: the links are read from the daemon's maildir with Python's email package, one
/// mairie answers on a phone-sized Chromium (another date), two with Python's http.client
/// (accept, no evening this season); broken links are refused, a replayed post changes nothing,
/// and the daemon's follow-up messages go out.
@Suite(.serialized) struct MairieAnswerTests {
    struct Link: Decodable {
        let link: String
        let to: String
        let rule: String
        let body: String
    }

    struct Answers: Decodable {
        let page: Int
        let headers: [String: String?]
        let accepted: [Status]
        let replayed: [Status]
        let withoutCsrf: Int
        let csrfOfOtherLink: Int
        let declined: [Status]
        let secondVisit: String
        let tampered: Int
        let truncated: Int
        let garbage: Int
        let tamperedText: Bool
    }

    /// A status or a text, as the script's pairs mix them.
    enum Status: Decodable, Equatable {
        case code(Int)
        case text(String)

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if let code = try? value.decode(Int.self) { self = .code(code) } else { self = .text(try value.decode(String.self)) }
        }
    }

    struct Browsed: Decodable {
        let title: String
        let facts: [String]
        let buttons: [String]
        let dates: [String]
        let thanks: String
        let again: String
    }

    static let accepting = "guinguette-2023-52528-3"
    static let moving = "guinguette-2023-52169-7"
    static let declining = "guinguette-2023-51315-4"

    private func links(_ world: WebWorld, rule: String, wanted: Set<String>) throws -> [String: Link] {
        var found: [String: Link] = [:]
        _ = try DaemonProcess.waitUntil(seconds: 30) {
            found = try PythonPeer.json([String: Link].self, "mairie_links.py", [world.mail, rule])
            return wanted.isSubset(of: Set(found.keys))
        }
        return found
    }

    @Test func mairiesAnswerFromTheirLinks() throws {
        let world = try WebWorld(now: "2023-04-03T09:00:00+02:00", confirmed: [])
        let requests = try links(world, rule: "demande-accord", wanted: [Self.accepting, Self.moving, Self.declining])
        let accept = try #require(requests[Self.accepting])
        let move = try #require(requests[Self.moving])
        let decline = try #require(requests[Self.declining])
        #expect(accept.link.hasPrefix(world.baseURL + "/m/"))

        let http = try PythonPeer.json(
            Answers.self, "http_mairie_answers.py",
            [accept.link, decline.link, "Pas cette année, la salle est en travaux. <script>alert(1)</script>"])
        #expect(http.page == 200)
        #expect(
            http.headers["Referrer-Policy"] == "no-referrer" && http.headers["Cache-Control"] == "no-store"
                && http.headers["X-Frame-Options"] == "DENY")
        #expect(http.headers["Content-Security-Policy"]??.contains("default-src 'none'") == true)
        #expect(
            http.accepted == [.code(200), .text("Merci ! La soirée est confirmée. Vous recevrez les détails pratiques une semaine avant.")])
        #expect(http.replayed == [.code(200), .text("Cette réponse était déjà enregistrée : rien n&apos;a changé.")])
        #expect(http.withoutCsrf == 403 && http.csrfOfOtherLink == 403)
        #expect(http.declined.first == .code(200))
        // The comment comes back escaped, never as markup.
        #expect(
            http.secondVisit.contains(
                "Nous ne pourrons pas accueillir cette saison — « Pas cette année, la salle est en travaux. &lt;script&gt;alert(1)&lt;/script&gt; »"
            ),
            "\(http.secondVisit)")
        #expect(!http.secondVisit.contains("<script>"))
        #expect(http.tampered == 404 && http.truncated == 404 && http.garbage == 404 && http.tamperedText)

        let shots = try Browser.screenshots("mairie")
        if Browser.shouldRun {
            let seen = try Browser.serially {
                try PythonPeer.json(Browsed.self, "browser_mairie.py", [move.link, "La salle est prise le 16 : merci !", shots.path])
            }
            #expect(seen.title == "Soirée du vendredi 16 juin 2023 à Domblain")
            #expect(seen.facts.contains("Horaires") && seen.facts.contains("Organisateur"))
            #expect(seen.buttons == ["Nous acceptons", "Cette date ne convient pas", "Nous ne pourrons pas accueillir cette saison"])
            #expect(!seen.dates.isEmpty && seen.dates.count <= MairieDesk.offeredDates && !seen.dates.contains("2023-06-16"))
            #expect(seen.thanks.contains("La soirée est déplacée au") && seen.thanks.contains("et confirmée à cette date"))
            #expect(seen.again.contains("Votre réponse : Autre date"))
            let database = try world.open()
            let moved = try #require(try EventStore(database).event(id: Self.moving))
            #expect(moved.status == .confirmed && moved.planned.slot.date.description == seen.dates[0])
            #expect(
                try EventStore(database).history(eventID: Self.moving).contains { $0.kind == .moved && $0.actor == "\(move.to) (lien)" })
            try database.close()
        }

        let database = try world.open()
        defer { try? database.close() }
        let events = EventStore(database)
        #expect(try events.event(id: Self.accepting)?.status == .confirmed)
        #expect(try events.history(eventID: Self.accepting).last?.actor == "\(accept.to) (lien)")
        // « not this season »: both Landricourt evenings go.
        #expect(try events.event(id: Self.declining)?.status == .declined)
        #expect(try events.event(id: "guinguette-2023-51315-1")?.status == .declined)
        let answers = try MairieAnswerStore(database).all()
        #expect(answers.map(\.eventID) == [Self.accepting, Self.declining] + (Browser.shouldRun ? [Self.moving] : []))
        #expect(answers.map(\.outcome) == [.confirmed, .declined] + (Browser.shouldRun ? [.moved] : []))
        let listed = try WebWorld.tournee(["answers", "--season", "guinguette-2023", "--db", world.database])
        #expect(
            listed.contains(
                "Landricourt  \(decline.to)  refuse la saison  → refusée  « Pas cette année, la salle est en travaux. <script>alert(1)</script> »"
            ), "\(listed)")

        // The daemon follows up: the declining mairie gets its acknowledgement, the moved evening its notice.
        let followUps = try links(world, rule: "nouvelle-date", wanted: Browser.shouldRun ? [Self.moving] : [])
        if Browser.shouldRun {
            #expect(followUps[Self.moving]?.to == move.to)
            // Its own choice, told as such: no « change de date » as if the organiser had moved it.
            let notice = followUps[Self.moving]?.body ?? ""
            #expect(notice.contains("Comme vous l'avez choisi le") && !notice.contains("change de date"), "\(notice)")
        }
        #expect(
            try DaemonProcess.waitUntil(seconds: 30) {
                try OutboxStore(database).list(statuses: [.sent]).contains { $0.eventID == Self.declining && $0.rule == "refus" }
            })
        // The accepting mairie gets its acknowledgement, with its link to change its mind; the
        // planners read the decline and its comment.
        let acknowledged = try links(world, rule: "accuse-reception", wanted: [Self.accepting])
        #expect(acknowledged[Self.accepting]?.to == accept.to && acknowledged[Self.accepting]?.link == accept.link)
        #expect(acknowledged[Self.accepting]?.body.contains("La soirée est confirmée") == true)
        let planners = try links(world, rule: "reponse-planificateur", wanted: [Self.declining])
        #expect(planners[Self.declining]?.to == "planification@guinguette.example.org")
        #expect(planners[Self.declining]?.body.contains("Son message : « Pas cette année, la salle est en travaux.") == true)
        let sent = { try OutboxStore(database).list(statuses: [.sent]) }
        // No acknowledgement for the answers the change notices already tell, nor a notice to the
        // planners for a plain acceptance.
        #expect(try !sent().contains { $0.rule == "accuse-reception" && $0.eventID != Self.accepting })
        #expect(try !sent().contains { $0.rule == "reponse-planificateur" && $0.eventID == Self.accepting })

        // Ten days after the requests, the planners hear of each mairie that has not answered,
        // and of none that has.
        try world.restart(now: "2023-04-13T09:30:00+02:00")
        #expect(try DaemonProcess.waitUntil(seconds: 30) { try sent().contains { $0.rule == "sans-reponse" } })
        let silent = try Set(sent().filter { $0.rule == "sans-reponse" }.map(\.eventID))
        // Over both seasons of the world: the small plan's evenings are unanswered too, and their
        // notices may leave before or after the first one seen here.
        let stillProposed = try Set(events.events(statuses: [.proposed]).map(\.id))
        #expect(silent.isSubset(of: stillProposed) && !silent.isEmpty)
        #expect(silent.isDisjoint(with: [Self.accepting, Self.moving, Self.declining]))

        // Three days after the evening the link has expired.
        try world.restart(now: "2023-05-24T09:00:00+02:00")
        let expired = try PythonPeer.run(
            code:
                "import sys, urllib.request, urllib.error\ntry:\n urllib.request.urlopen(sys.argv[1])\nexcept urllib.error.HTTPError as e:\n print(e.code)",
            [accept.link])
        #expect(expired == "410\n")
    }
}
