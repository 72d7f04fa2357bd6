import Foundation
import TestSupport
import Testing

struct HolidaysCommandTests {
    private func publishedLines(_ file: String, year: Int) throws -> [String] {
        let text = try SharedData.text(file)
        return text.split(separator: "\n").dropFirst().filter { $0.hasPrefix("\(year)-") }.map { line in
            let fields = line.split(separator: ",", maxSplits: 2)
            return "\(fields[0])\t\(fields[1])"
        }
    }

    @Test(arguments: 2023...2030)
    func printsThePublishedHolidays(year: Int) throws {
        let run = TourneeRun(["holidays", String(year)])
        #expect(run.status == .success)
        #expect(run.out == (try publishedLines("jours-feries-2023-2030.csv", year: year)).joined(separator: "\n") + "\n")
    }

    @Test(arguments: 2023...2030)
    func addsTheAlsaceMoselleDays(year: Int) throws {
        let run = TourneeRun(["holidays", String(year), "--alsace-moselle"])
        let expected =
            (try publishedLines("jours-feries-2023-2030.csv", year: year)
            + publishedLines("jours-feries-alsace-moselle-extra-2023-2030.csv", year: year)).sorted()
        #expect(run.out == expected.joined(separator: "\n") + "\n")
    }

    @Test func aYearFarFromThePublishedOnes() {
        #expect(
            TourneeRun(["holidays", "2100"]).out == """
                2100-01-01\tJour de l'an
                2100-03-29\tLundi de Pâques
                2100-05-01\tFête du Travail
                2100-05-06\tAscension
                2100-05-08\tFête de la Victoire
                2100-05-17\tLundi de Pentecôte
                2100-07-14\tFête nationale
                2100-08-15\tAssomption
                2100-11-01\tToussaint
                2100-11-11\tArmistice
                2100-12-25\tNoël

                """)
    }
}
