import Foundation
import TestSupport
import Testing
import TextFormats

@testable import Planning

/// The département outlines under the maps: the shipped file reads whole, a map keeps only the
/// départements in view, and a damaged file is refused in French, naming the file and the member.
struct DepartementOutlinesTests {
    @Test func theShippedFileHoldsTheNinetySixMetropolitanDepartements() throws {
        let outlines = try DepartementOutlines.loadShipped(environment: [:])
        #expect(outlines.outlines.count == 96)
        let codes = Set(outlines.outlines.map(\.code))
        #expect(codes.isSuperset(of: ["01", "2A", "2B", "48", "51", "52", "95"]) && !codes.contains("20") && !codes.contains("971"))
        #expect(outlines.outlines.first { $0.code == "48" }?.name == "Lozère")
        // Saint-Dizier (4.95° E, 48.64° N) is in the Haute-Marne, a few kilometres from the Marne.
        let around = GeoBounds(minLongitude: 4.90, maxLongitude: 5.00, minLatitude: 48.60, maxLatitude: 48.68)
        let seen = Set(outlines.inView(around).map(\.code))
        #expect(seen.contains("52") && seen.count <= 3 && !seen.contains("13"), "\(seen)")
    }

    @Test(arguments: [
        ("{", "carte.geojson:1: "),
        (#"{"type": "FeatureCollection"}"#, "carte.geojson:1: features : une collection GeoJSON attendue"),
        (
            #"{"features": [{"properties": {"code": 51}, "geometry": {}}]}"#,
            "carte.geojson:1: features[0].properties : les propriétés « code » et « nom » (textes) attendues"
        ),
        (
            #"{"features": [{"properties": {"code": "51", "nom": "Marne"}, "geometry": {"type": "Point", "coordinates": [4, 49]}}]}"#,
            "carte.geojson:1: features[0].geometry.type : « Point » trouvé, Polygon ou MultiPolygon (liste de polygones) attendu"
        ),
        (
            #"{"features": [{"properties": {"code": "51", "nom": "Marne"}, "geometry": {"type": "Polygon", "coordinates": [[[4, 49], [5, 49], [4, 49]]]}}]}"#,
            "carte.geojson:1: features[0].geometry.coordinates : un anneau d'au moins 4 positions [longitude, latitude] en degrés attendu"
        ),
        (
            #"{"features": [{"properties": {"code": "51", "nom": "Marne"}, "geometry": {"type": "Polygon", "coordinates": [[[4, 49], [5, 49], [5, 91], [4, 49]]]}}]}"#,
            "carte.geojson:1: features[0].geometry.coordinates : un anneau d'au moins 4 positions [longitude, latitude] en degrés attendu"
        ),
    ])
    func aDamagedFileIsRefusedByItsMember(text: String, expected: String) {
        do {
            _ = try DepartementOutlines(geoJSON: text, file: "carte.geojson")
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.issues.count == 1 && error.issues[0].description.hasPrefix(expected), "\(error.issues)")
        }
    }

    @Test func aMissingFileSaysWhereItWasLookedFor() {
        let file = DepartementOutlines.shippedFile
        let candidates = file.candidates(environment: [file.environmentKey: "/x/departements.geojson"])
        #expect(candidates.first?.path == "/x/departements.geojson")
        #expect(candidates.dropFirst().first?.path.hasSuffix("/Tournee_Planning.resources/departements.geojson") == true)
        let empty = ShippedFile(fileName: "absent.geojson", environmentKey: "TOURNEE_ABSENT", description: "fond de carte")
        #expect(throws: SeasonError.self) { try empty.read(environment: [:], limit: 1024) }
        do { _ = try empty.read(environment: [:], limit: 1024) } catch {
            #expect(error.issues.first?.description.contains("fond de carte introuvable (cherché : ") == true)
        }
    }
}
