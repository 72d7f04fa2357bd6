import CivilTime
import Foundation
import Testing

@testable import Planning

/// A preferred date is worth its bonus on any visit: a commune that accepts two visits gets its
/// preferred evening when a swap that costs nothing grants it (the case a Lozère season showed:
/// Fournels asked for 16 July, had `max_visits` 2, and got the 23rd while Brion took the 16th).
struct PreferredDateTests {
    private static let communes = """
        insee,has_cafe,preferred,min_visits,max_visits
        48064,non,2027-07-16,1,2
        48031,non,2027-07-14,1,1
        48106,non,,1,1
        48190,non,,1,1
        48044,non,,1,1
        48104,oui,,1,1

        """

    private func season(travel: String) throws -> Season {
        let json = """
            {
              "name": "Aubrac 2027", "period": { "from": "2027-07-01", "to": "2027-07-31" },
              "evenings": { "weekdays": ["vendredi", "samedi"], "start": "18:30", "end": "23:30" },
              "tours": [{ "name": "Juillet", "from": "2027-07-01", "to": "2027-07-31", "evenings": 6 }],
              "vehicles": [{ "id": "camion", "base": { "insee": "48140" }, "speedKmh": 55, "costPerKm": 0.38,
                             "co2KgPerKm": 0.25, "travel": "\(travel)" }],
              "communesFile": "communes.csv", "minDaysBetweenVisits": 14, "seed": 3
            }
            """
        return try SeasonFixtures.load(season: json, communes: Self.communes).0
    }

    @Test(arguments: ["returnToBase", "straightOn"])
    func aCommuneWithTwoVisitsGetsItsPreferredEvening(travel: String) throws {
        let plan = try Planner().plan(season(travel: travel), seasonSlug: "aubrac")
        let fournels = try #require(plan.events.first { $0.insee == "48064" && $0.date == CivilDate(iso: "2027-07-16")! })
        #expect(fournels.isPreferredEvening)
        #expect(plan.events.filter(\.isPreferredEvening).map(\.insee) == ["48064"])
        #expect(plan.objective.preferredEvenings == 30)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(PlanJSON.render(plan).utf8)) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.filter { $0["preferredEvening"] as? Bool == true }.compactMap { $0["id"] as? String } == [fournels.id])
    }

    @Test func aPreferredDateThatCannotBeGivenIsExplained() throws {
        let plan = try Planner().plan(season(travel: "returnToBase"), seasonSlug: "aubrac")
        // 14 July 2027 is a Wednesday: not an evening of the season, so not a date Brion can get.
        let brion = try #require(plan.explanations.first { $0.insee == "48031" })
        #expect(brion.planned == 1 && brion.reasons.isEmpty)
        #expect(brion.unmetPreferences == ["le 2027-07-14 (« Juillet ») : ce n'est pas une soirée possible (pas de soirée le mercredi)."])
        #expect(brion.text == "Brion : Date préférée non accordée : " + brion.unmetPreferences[0])
        #expect(!plan.explanations.contains { $0.insee == "48064" })
    }
}
