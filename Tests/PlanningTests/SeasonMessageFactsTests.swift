import TestSupport
import Testing

@testable import Planning

/// The facts a season gives the messages to the mairies: the place of the evening and what the
/// commune is asked to provide.
struct SeasonMessageFactsTests {
    private let withMairie = """
        insee,mairie_name,mairie_email,place,notes
        51008,Secrétariat,mairie@ambrieres.example.org,place de l'Église,clé chez le voisin
        52391,Secrétariat,mairie@planrupt.example.org,,
        """

    @Test func thePlaceIsItsOwnColumnApartFromTheNotes() throws {
        let (season, warnings) = try SeasonFixtures.load(season: SeasonFixtures.seasonJSON(), communes: withMairie)
        #expect(season.communes.map(\.place) == ["place de l'Église", nil])
        #expect(season.communes.map(\.notes) == ["clé chez le voisin", nil])
        // Planrupt's mairie will be written to without a place: validate says so, on its line.
        #expect(
            warnings.map(\.description).contains(
                "essai/communes.csv:3: avertissement : commune 52391 Planrupt : lieu de la soirée inconnu (colonne place, ex. « place de l'Église ») : les messages à la mairie ne diront pas où"
            ), "\(warnings.map(\.description))")
        #expect(warnings.filter { $0.message.contains("lieu de la soirée") }.count == 1)
    }

    @Test func aVehicleAsksWhatItsKindNeedsUnlessTheSeasonSaysOtherwise() throws {
        let (season, _) = try SeasonFixtures.load(season: SeasonFixtures.seasonJSON())
        #expect(season.vehicles[0].communeProvides == CommuneProvisions.guinguette)
        let onTour = SeasonFixtures.seasonJSON().replacingOccurrences(of: #""returnToBase""#, with: #""straightOn""#)
        #expect(try SeasonFixtures.load(season: onTour).0.vehicles[0].communeProvides == CommuneProvisions.company)
        let named = SeasonFixtures.seasonJSON().replacingOccurrences(
            of: #""travel": "returnToBase""#, with: #""travel": "returnToBase", "communeProvides": "compagnie""#)
        #expect(try SeasonFixtures.load(season: named).0.vehicles[0].communeProvides == CommuneProvisions.company)
        let listed = SeasonFixtures.seasonJSON().replacingOccurrences(
            of: #""travel": "returnToBase""#, with: #""travel": "returnToBase", "communeProvides": ["une prise 16 A", "deux tables"]"#)
        #expect(try SeasonFixtures.load(season: listed).0.vehicles[0].communeProvides == ["une prise 16 A", "deux tables"])
    }

    @Test func anUnknownPresetOrAnEmptyPhraseIsRefused() throws {
        for value in [#""cirque""#, #"["une prise", ""]"#, "12"] {
            let season = SeasonFixtures.seasonJSON().replacingOccurrences(
                of: #""travel": "returnToBase""#, with: #""travel": "returnToBase", "communeProvides": \#(value)"#)
            let issues = try SeasonFixtures.refusal { try SeasonFixtures.load(season: season) }
            #expect(issues.contains { $0.contains("vehicles[0].communeProvides") }, "\(value): \(issues)")
        }
    }

    @Test func theShippedSeasonsGiveEveryCommuneAPlace() throws {
        for name in ["guinguette-2027", "tournee-des-villages-2027"] {
            let (season, warnings) = try SeasonFixtures.loader().load(folder: Repository.url("tours/\(name)"), displayPath: name)
            #expect(season.communes.allSatisfy { $0.place != nil }, "\(name)")
            #expect(!warnings.contains { $0.message.contains("lieu de la soirée") })
        }
    }
}
