import CommandLineSupport
import Testing

struct EveningsCommandTests {
    @Test func listsTheGuinguetteEvenings() throws {
        let run = TourneeRun(["evenings", "tours/guinguette-2027"])
        #expect(run.status == .success)
        #expect(run.out == (try TourneeRun.golden("evenings-guinguette-2027.txt")))
    }

    @Test func withAllListsEveryExcludedDateWithItsReason() throws {
        let run = TourneeRun(["evenings", "tours/guinguette-2027", "--all"])
        #expect(run.status == .success)
        #expect(run.out == (try TourneeRun.golden("evenings-guinguette-2027-all.txt")))
        #expect(run.out.contains("  2027-07-14  mercredi  exclue : pas de soirée le mercredi"))
        #expect(run.out.contains("  2027-05-06  jeudi     exclue : jour férié (Ascension)"))
        #expect(
            run.out.contains(
                "  2027-06-19  samedi    exclue : date exclue (Fête de la musique à Saint-Dizier : l'équipe y tient la buvette)"))
        #expect(run.out.contains("  2027-07-29  jeudi     exclue : jour de repos (le camion de la Guinguette)"))
        #expect(run.out.contains("    2027-07-10  samedi    exclue : commune indisponible"))
    }

    @Test func aBrokenSeasonGivesTheSameErrorsAsValidate() {
        let evenings = TourneeRun(["evenings", "broken/tours-overlap"], in: TourneeRun.fixtures)
        let validate = TourneeRun(["validate", "broken/tours-overlap"], in: TourneeRun.fixtures)
        #expect(evenings.status == .dataError)
        #expect(evenings.err == validate.err)
    }
}
