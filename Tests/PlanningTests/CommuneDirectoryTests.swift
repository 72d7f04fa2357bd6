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

    @Test func aPositionOffTheGlobeIsRefusedWithItsLine() {
        let header = "insee,name,departement,population,lat,lon,epci_siren,epci_name\n"
        let good = "51008,Ambrières,51,210,48.63329,4.84139,200068666,CC Saint-Dizier\n"
        for (lat, lon) in [("1e15", "4.84139"), ("48.6", "inf"), ("nan", "4.8"), ("48.6", ""), ("0x30", "4.8")] {
            do {
                _ = try CommuneDirectory(
                    csv: header + good + "52448,Saint-Dizier,52,24000,\(lat),\(lon),200068666,CC\n", file: "communes-fr.csv")
                Issue.record("accepted \(lat), \(lon)")
            } catch {
                #expect(
                    error.issues.map(\.description) == [
                        "communes-fr.csv:3: population entière positive, latitude entre -90 et 90 et longitude entre -180 et 180 (ou les deux vides) attendues, trouvé « 24000 », « \(lat) », « \(lon) »"
                    ])
            }
        }
    }

    @Test func aShortRowOrARepeatedCodeIsRefusedWithItsLine() {
        let header = "insee,name,departement,population,lat,lon,epci_siren,epci_name\n"
        let good = "51008,Ambrières,51,210,48.63329,4.84139,200068666,CC Saint-Dizier\n"
        let cases = [
            (good + "52448,Saint-Dizier,52\n", "communes-fr.csv:3: 8 champs attendus, trouvé 3"),
            (
                good + "51008,Autre,51,10,48.6,4.8,1,CC\n",
                "communes-fr.csv:3: insee : code INSEE « 51008 » déjà donné plus haut : une ligne par commune est attendue"
            ),
        ]
        for (rows, expected) in cases {
            do {
                _ = try CommuneDirectory(csv: header + rows, file: "communes-fr.csv")
                Issue.record("accepted \(rows)")
            } catch {
                #expect(error.issues.map(\.description) == [expected])
            }
        }
    }

    @Test func aMissingFileIsAClearError() {
        // The environment's path comes first, but the file beside the binary is still found.
        let found = try? CommuneDirectory.loadShipped(environment: [CommuneDirectory.shipped.environmentKey: "/nonexistent/communes.csv"])
        #expect(found?.communes.count == 34_875)
        let candidates = CommuneDirectory.shipped.candidates(environment: [CommuneDirectory.shipped.environmentKey: "/x/communes.csv"])
        #expect(candidates.first?.path == "/x/communes.csv")
        #expect(candidates.dropFirst().first?.path.hasSuffix("/Tournee_Planning.resources/communes-fr.csv") == true)
    }
}
