import CommandLineSupport
import Foundation
import TestSupport
import Testing

struct CommunesCommandTests {
    @Test func startsASeasonFromAnIntercommunalite() throws {
        let run = TourneeRun(["communes", "--epci", "200068666"])
        #expect(run.status == .success)
        let lines = run.out.split(separator: "\n")
        #expect(
            lines.first
                == "insee,name,population,lat,lon,has_cafe,mairie_name,mairie_email,weekdays,unavailable,preferred,min_visits,max_visits,tours,place,notes"
        )
        #expect(lines.count == 61)
        #expect(lines.contains("52448,Saint-Dizier,22858,48.63746,4.94753,,,,,,,,,,,"))
        #expect(lines.contains("51583,Trois-Fontaines-l'Abbaye,191,48.71752,4.94847,,,,,,,,,,,"))
    }

    @Test func itsOutputIsAValidCommunesFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tournee-communes-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Repository.url("tours/guinguette-2027"), to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TourneeRun(["communes", "--insee", "51008,52391,52006"])
        try run.out.write(to: folder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)
        let validation = TourneeRun(["validate", folder.path])
        #expect(validation.status == .success, "\(validation.err)")
        #expect(validation.out.contains("3 communes"))
    }

    @Test func quotesNamesThatNeedIt() {
        let run = TourneeRun(["communes", "--insee", "69024"])
        #expect(run.out.hasSuffix("69024,Val d'Oingt,4117,45.92036,4.58648,,,,,,,,,,,\n"))
    }

    /// Three « Saint-Juéry » looked the same: the listing tells them apart by département and EPCI.
    @Test func searchListsTheDepartementAndTheIntercommunalite() throws {
        let run = TourneeRun(["communes", "--search", "saint juery"])
        #expect(run.status == .success, "\(run.err)")
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("INSEE") == true)
        #expect(lines.first?.hasSuffix("Intercommunalité (SIREN)") == true)
        let juery = lines.filter { $0.contains("Saint-Juéry ") }
        #expect(juery.count == 3)
        #expect(Set(juery.map { $0.split(separator: " ", omittingEmptySubsequences: true)[2] }).count == 3)
        #expect(juery.allSatisfy { $0.hasSuffix(")") })
        // The columns line up: every row's département starts where the header's does.
        let column = try #require(lines.first?.range(of: "Dép.")).lowerBound.utf16Offset(in: lines[0])
        #expect(juery.allSatisfy { Array($0)[column - 1] == " " && Array($0)[column] != " " })
    }

    @Test func epciTakesANameAndListsTheChoicesWhenSeveralMatch() {
        let byName = TourneeRun(["communes", "--epci", "grand saint dizier"])
        #expect(byName.status == .success, "\(byName.err)")
        #expect(byName.out == TourneeRun(["communes", "--epci", "200068666"]).out)
        let several = TourneeRun(["communes", "--epci", "Aubrac"])
        #expect(several.status == .dataError)
        #expect(several.out.isEmpty)
        #expect(several.err.hasPrefix("tournee: --epci : "))
        #expect(several.err.contains("  200069268  Aubrac Lot Causses Tarn\n"))
        #expect(several.err.contains("  200068484  Communauté de communes des Causses à l'Aubrac\n"))
        let none = TourneeRun(["communes", "--epci", "Zzyzx"])
        #expect(none.status == .dataError)
        #expect(
            none.err == "tournee: --epci : aucune intercommunalité dont le nom contient « Zzyzx » (SIREN de 9 chiffres ou nom attendu)\n")
    }

    @Test func unknownCodesAndEmptySearchesAreDataErrors() {
        let unknown = TourneeRun(["communes", "--insee", "52448,99999,1001"])
        #expect(unknown.status == .dataError)
        #expect(unknown.err == "tournee: --insee : codes INSEE inconnus : 99999, 1001\n")
        #expect(unknown.out.isEmpty)
        let none = TourneeRun(["communes", "--search", "Zzyzx"])
        #expect(none.status == .dataError)
        #expect(none.err == "tournee: --search : aucune commune dont le nom contient « Zzyzx »\n")
    }
}
