import Testing

@testable import Planning

/// Seasons built to force each explanation and each warning.
struct PlanExplanationTests {
    private func plan(_ json: String, _ communes: String) throws -> Plan {
        let (season, _) = try SeasonFixtures.load(season: json, communes: communes)
        return try Planner(iterations: 300).plan(season, seasonSlug: "essai")
    }

    @Test func aCommuneLeftOutBecauseTheTourIsFull() throws {
        let json = SeasonFixtures.seasonJSON(tours: #"[{ "name": "Mai", "from": "2027-05-14", "to": "2027-05-15", "evenings": 2 }]"#)
        let communes = "insee,has_cafe\n51008,non\n52391,non\n51144,oui\n"
        let plan = try plan(json, communes)
        #expect(plan.events.count == 2)
        #expect(plan.quality == .provenOptimal)
        // Cheminon has a café: the two villages without one come first.
        #expect(Set(plan.events.map(\.insee)) == ["51008", "52391"])
        let explanation = try #require(plan.explanations.first)
        #expect(plan.explanations.count == 1)
        #expect(explanation.insee == "51144" && explanation.planned == 0 && explanation.wanted == 1)
        #expect(
            explanation.text.hasPrefix(
                "Cheminon : 0 visite sur 1 voulue. « Mai » : 2 soirées possibles ; 2 déjà prises par d'autres communes (le 2027-05-14 par "
            ))
    }

    @Test func aSecondVisitUnderTheMinimumGap() throws {
        // Fridays and Saturdays from 7 to 22 May (the 1st is a holiday): no two 21 days apart.
        let json = SeasonFixtures.seasonJSON(tours: #"[{ "name": "Mai", "from": "2027-05-01", "to": "2027-05-25", "evenings": 2 }]"#)
            .replacingOccurrences(of: #""seed": 7"#, with: #""seed": 7, "minDaysBetweenVisits": 21"#)
        let plan = try plan(json, "insee,min_visits,max_visits\n51008,2,2\n")
        #expect(plan.events.count == 1)
        let explanation = try #require(plan.explanations.first)
        #expect(explanation.planned == 1 && explanation.wanted == 2)
        #expect(explanation.text.contains("sous l'écart minimal de 21 jours"))
        #expect(plan.warnings.map(\.kind) == [.tourNotFilled])
        #expect(plan.warnings[0].text == "tournée « Mai » : 1 soirées planifiées sur 2 demandées, faute de communes disponibles")
    }

    @Test func aCommuneTooFarForOneTour() throws {
        let json = """
            {
              "name": "Deux camions", "period": { "from": "2027-05-01", "to": "2027-05-31" },
              "evenings": { "weekdays": ["vendredi", "samedi"], "start": "18:30", "end": "23:00" },
              "tours": [{ "name": "Proche", "from": "2027-05-01", "to": "2027-05-31", "evenings": 1, "vehicle": "petit" },
                        { "name": "Loin", "from": "2027-05-01", "to": "2027-05-31", "evenings": 1, "vehicle": "grand" }],
              "vehicles": [
                { "id": "petit", "base": { "insee": "52448" }, "speedKmh": 50, "costPerKm": 0.3, "co2KgPerKm": 0.2, "maxKmPerEvening": 30, "travel": "returnToBase" },
                { "id": "grand", "base": { "insee": "52448" }, "speedKmh": 50, "costPerKm": 0.3, "co2KgPerKm": 0.2, "travel": "returnToBase" }
              ],
              "communesFile": "communes.csv"
            }
            """
        // Curel is ~43 km from Saint-Dizier by road: out of the small van's 30 km round trip.
        let plan = try plan(json, "insee,has_cafe,min_visits,max_visits\n51008,non,1,1\n52156,oui,2,2\n")
        let curel = try #require(plan.explanations.first { $0.insee == "52156" })
        #expect(curel.planned == 1 && curel.wanted == 2)
        #expect(curel.reasons.first == "« Proche » : trop loin de Saint-Dizier pour les limites de petit.")
        #expect(plan.events.first { $0.tour == "Proche" }?.insee == "51008")
    }

    @Test func warningsForAHolidayAndANeighboursFete() throws {
        let json = SeasonFixtures.seasonJSON(
            period: ("2027-07-01", "2027-07-31"), weekdays: #"["mercredi"]"#,
            tours: #"[{ "name": "Juillet", "from": "2027-07-14", "to": "2027-07-21", "evenings": 1 }]"#,
            extraEvenings: #", "publicHolidays": "allow""#)
        // Hallignicourt (no café) can only host on 14 July; Perthes, 5 km away, is busy that day.
        let plan = try plan(json, "insee,has_cafe,unavailable\n52235,non,2027-07-21\n52386,oui,2027-07-14\n")
        #expect(plan.events.map(\.insee) == ["52235"])
        #expect(plan.warnings.map(\.kind) == [.publicHoliday, .neighbourFete])
        #expect(plan.warnings[0].text == "2027-07-14 : soirée à Hallignicourt un jour férié (Fête nationale)")
        #expect(
            plan.warnings[1].text
                == "2027-07-14 : soirée à Hallignicourt alors que Perthes, à 5 km, est indisponible ce jour-là (sa fête ?)")
    }

    @Test func aWarningForAnEveningNearTheDrivingLimit() throws {
        // Hallignicourt is 14.8 km there and back by road from Saint-Dizier: 92 % of a 16 km limit.
        let json = SeasonFixtures.seasonJSON(tours: #"[{ "name": "Mai", "from": "2027-05-01", "to": "2027-05-31", "evenings": 1 }]"#)
            .replacingOccurrences(of: #""travel": "returnToBase""#, with: #""travel": "returnToBase", "maxKmPerEvening": 16"#)
        let plan = try plan(json, "insee\n52235\n")
        #expect(plan.warnings.map(\.kind) == [.longLeg])
        #expect(plan.warnings.first?.text.hasSuffix(" : 15 km pour la soirée à Hallignicourt, près de la limite de 16 km") == true)
    }

    @Test func eveningsOnTheDaylightSavingWeekendAndAcrossTheYearEnd() throws {
        let json = SeasonFixtures.seasonJSON(
            period: ("2027-10-01", "2028-01-31"), weekdays: #"["vendredi", "samedi", "dimanche"]"#,
            tours:
                #"[{ "name": "Automne", "from": "2027-10-30", "to": "2027-10-31", "evenings": 2 }, { "name": "Hiver", "from": "2027-12-30", "to": "2028-01-02", "evenings": 2 }]"#
        )
        let plan = try plan(json, "insee,max_visits\n51008,1\n52391,1\n51144,1\n52006,1\n")
        let rendered = PlanJSON.render(plan)
        #expect(rendered.contains(#""start": "2027-10-30T18:30:00+02:00""#))
        #expect(rendered.contains(#""start": "2027-10-31T18:30:00+01:00""#))
        #expect(plan.events.filter { $0.tour == "Hiver" }.map(\.date.description) == ["2027-12-31", "2028-01-02"])
        #expect(rendered.contains(#""end": "2028-01-02T23:00:00+01:00""#))
    }
}
