import TestSupport
import Testing
import TextFormats

@testable import Planning

struct CommuneDirectoryTests {
    @Test func holdsEveryCommuneOfTheNationalFile() throws {
        let directory = try SeasonFixtures.directory.get()
        #expect(directory.communes.count == 34_875)
        #expect(directory.commune(insee: "01001")?.name == "L'Abergement-Clémenciat")
        #expect(directory.commune(insee: "2A004")?.departement == "2A")
        #expect(directory.commune(insee: "1001") == nil)
    }

    @Test func listsAnIntercommunaliteLikeTheSharedExtract() throws {
        let directory = try SeasonFixtures.directory.get()
        let extract = try CSVTable(text: SharedData.text("cc-saint-dizier-der-vallees.csv"))
        let listed = directory.communes(epciSiren: "200068666").map(\.insee)
        #expect(listed == extract.rows.map { $0.fields[0] })
        #expect(listed.count == 60)
    }

    @Test func searchIgnoresCaseAccentsAndHyphens() throws {
        let directory = try SeasonFixtures.directory.get()
        #expect(directory.search("eclaron braucourt").map(\.insee) == ["52182"])
        #expect(directory.search("TROIS-FONTAINES-L'ABBAYE").map(\.insee) == ["51583"])
        #expect(directory.search("   ").isEmpty)
    }

    @Test func aMissingFileIsAClearError() {
        // The environment's path comes first, but the file beside the binary is still found.
        let found = try? CommuneDirectory.loadShipped(environment: [CommuneDirectory.environmentKey: "/nonexistent/communes.csv"])
        #expect(found?.communes.count == 34_875)
        let candidates = CommuneDirectory.shippedFileCandidates(environment: [CommuneDirectory.environmentKey: "/x/communes.csv"])
        #expect(candidates.first?.path == "/x/communes.csv")
        #expect(candidates.dropFirst().first?.path.hasSuffix("/Tournee_Planning.resources/communes-fr.csv") == true)
    }
}
