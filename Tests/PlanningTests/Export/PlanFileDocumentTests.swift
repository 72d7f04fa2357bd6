import CivilTime
import Foundation
import SeasonVocabulary
import TestSupport
import Testing
import TextFormats

@testable import Planning

/// `PlanFile.document` reads back every evening of the shipped plans as `tournee plan` wrote
/// them, and refuses a slip with the line and key.
struct PlanFileDocumentTests {
    private func golden(_ name: String) throws -> String {
        try Repository.text("Tests/Fixtures/golden/plan-\(name).json")
    }

    @Test(arguments: ["guinguette-2027", "tournee-des-villages-2027"])
    func theGoldenPlansReadBackWithTheirInstants(name: String) throws {
        let document = try PlanFile.document(golden(name), file: "plan.json")
        let folder = Repository.url("tours/\(name)")
        let season = try SeasonFixtures.loader().load(folder: folder, displayPath: "tours/\(name)").season
        let entries = try PlanFile.entries(golden(name), file: "plan.json", season: season)
        #expect(document.season.slug == name)
        #expect(document.events.map(\.id) == entries.map(\.id))
        #expect(document.events.map(\.date) == entries.map(\.date))
        for event in document.events {
            #expect(document.season.period.contains(event.date))
            #expect(event.startsAt == Int64(ParisTime.instant(of: event.start).timeIntervalSince1970))
            #expect(event.endsAt > event.startsAt)
            #expect(document.communes.contains { $0.insee == event.insee })
        }
        #expect(document.communes.allSatisfy { $0.mairie.map { EmailAddressSyntax.isValid($0.email) } ?? true })
    }

    @Test func aStartWithAnotherOffsetThanParisIsRefusedWithItsLine() throws {
        let text = try golden("guinguette-2027")
        let range = try #require(text.range(of: "T18:30:00+02:00"))
        let edited = text.replacingCharacters(in: range, with: "T18:30:00+01:00")
        let error = try #require(throws: SeasonError.self) { try PlanFile.document(edited, file: "plan.json") }
        let issue = try #require(error.issues.first)
        #expect(issue.key == "events[0].start")
        #expect(issue.line != nil)
        #expect(issue.message.hasPrefix("trouvé « "))
        #expect(
            issue.message
                == "trouvé « 2027-05-07T18:30:00+01:00 », attendu « 2027-05-07T18:30:00+02:00 » (l'heure des horloges de Paris à cet instant, avec son décalage)"
        )
    }
}
