import Foundation
import TestSupport
import Testing
import TextFormats

@testable import Planning

/// A season file whose tour line was copied a thousand times (a slip of the editor, or what the
/// fuzzer's line repetition writes): each copy is reported once, a commune that cannot be
/// visited names a few tours rather than all, and the whole is validated within the fuzz
/// harness's ceiling (comparing every pair of tours, and every tour for each commune's date,
/// took seconds at a thousand tours and grew with their square).
struct CopiedToursTests {
    static let copies = 1_000

    static func season() -> String {
        let tour = #"{ "name": "Mai", "from": "2027-05-01", "to": "2027-05-31", "evenings": 3 }"#
        return SeasonFixtures.seasonJSON(tours: "[\n" + Array(repeating: tour, count: copies).joined(separator: ",\n") + "\n]")
    }

    @Test func eachCopyIsReportedOnceAndQuickly() throws {
        // Ambrières receives only on Mondays, when the season holds no evening.
        let communes = "insee,has_cafe,weekdays\n51008,non,lundi\n52391,non,\n"
        var issues: [FileIssue] = []
        let report = try Fuzzer.run(
            name: "copiedTours", seeds: [Array(Self.season().utf8)], count: 1, seed: 0, maximumSize: 1 << 20
        ) { input in
            do {
                _ = try SeasonFixtures.load(season: input.lossyText, communes: communes)
                Issue.record("accepted \(Self.copies) tours of the same name")
            } catch let error as SeasonError {
                issues = error.issues
            }
        }
        #expect(report.slowestSeconds < ReaderFuzz.slowestAllowed, "\(report)")
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.count { $0.message.hasPrefix("nom de tournée « Mai » déjà utilisé par tours[") } == Self.copies - 1)
        #expect(errors.count { $0.message.hasPrefix("la tournée « Mai » chevauche « Mai » (tours[0])") } == Self.copies - 1)
        let never = try #require(errors.first { $0.key == "commune 51008 Ambrières" })
        #expect(never.message.hasSuffix(" ; et \(Self.copies - SeasonValidator.listedTours) autres tournées"))
        #expect(errors.count == 2 * (Self.copies - 1) + 1)
    }
}
