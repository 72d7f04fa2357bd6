import Foundation
import TestSupport
import Testing
import TextFormats

@testable import Planning

struct SeasonLoaderTests {
    private func shipped(_ name: String) throws -> (Season, [FileIssue]) {
        let folder = Repository.url("tours/\(name)")
        return try SeasonFixtures.loader().load(folder: folder, displayPath: "tours/\(name)")
    }

    @Test func loadsTheShippedGuinguetteSeason() throws {
        let (season, warnings) = try shipped("guinguette-2027")
        #expect(warnings.isEmpty)
        #expect(season.tours.map(\.evenings) == [5, 7, 7, 5])
        #expect(season.tours.reduce(0) { $0 + $1.evenings } == 24)
        #expect(season.communes.count == 15)
        #expect(season.vehicles.map(\.travel) == [.returnToBase])
        #expect(season.vehicles[0].base.coordinate == Coordinate(latitude: 48.63746, longitude: 4.94753))
        // Names, populations and positions come from the national file when the CSV leaves them empty.
        let ambrieres = try #require(season.communes.first { $0.insee == "51008" })
        #expect(ambrieres.name == "Ambrières" && ambrieres.population == 210)
        #expect(ambrieres.coordinate == Coordinate(latitude: 48.63329, longitude: 4.84139))
        #expect(ambrieres.hasCafe == false)
        #expect(season.communes.allSatisfy { $0.mairie?.email.hasSuffix(".example.org") == true })
        #expect(season.evenings.schoolHolidays?.periods.allSatisfy { $0.zone == "B" } == true)
        #expect(season.seed == 2027)
    }

    @Test func loadsTheShippedTourneeDesVillagesSeason() throws {
        let (season, _) = try shipped("tournee-des-villages-2027")
        #expect(season.vehicles.map(\.id) == ["theatre", "cinema"])
        #expect(season.vehicles.allSatisfy { $0.travel == .straightOn })
        #expect(season.tours.map(\.vehicleID) == ["theatre", "cinema", "cinema"])
        let oingt = try #require(season.communes.first { $0.insee == "69024" })
        #expect(oingt.name == "Saint-Laurent-d'Oingt" && oingt.population == 854)
        #expect(oingt.tours == ["Cinéma de juillet", "Cinéma de septembre"])
    }

    @Test func reportsEveryFaultAtOnceInLineOrder() throws {
        let season = SeasonFixtures.seasonJSON(weekdays: #"["vendredi", "someday"]"#)
            .replacingOccurrences(of: #""speedKmh": 55"#, with: #""speedKmh": 900"#)
        let communes = "insee,has_cafe,min_visits\n51008,peut-être,1\n52391,non,x\n"
        #expect(
            try SeasonFixtures.refusal { try SeasonFixtures.load(season: season, communes: communes) } == [
                "essai/communes.csv:2: colonne has_cafe : « oui » ou « non » attendu, trouvé « peut-être »",
                "essai/communes.csv:3: colonne min_visits : nombre entier entre 0 et 366 attendu, trouvé « x »",
                "essai/season.json:4: evenings.weekdays[1] : jour de la semaine en français attendu (lundi … dimanche)",
                "essai/season.json:6: vehicles[0].speedKmh : nombre entre 5 et 200 attendu, trouvé 900",
            ])
    }

    /// `objective.stabilityPenalty` is optional (the computed default), a number of euros ≥ 0.
    @Test func readsTheStabilityPenaltyAndRefusesABadOne() throws {
        func season(_ objective: String) -> String {
            SeasonFixtures.seasonJSON().replacingOccurrences(of: #""seed": 7"#, with: #""seed": 7, "objective": \#(objective)"#)
        }
        #expect(try SeasonFixtures.load(season: SeasonFixtures.seasonJSON()).0.objective.stabilityPenalty == nil)
        #expect(try SeasonFixtures.load(season: season(#"{ "stabilityPenalty": 250 }"#)).0.objective.stabilityPenalty == 250)
        for (value, message) in [
            ("-5", "nombre entre 0 et 1000000000 attendu, trouvé -5"), (#""beaucoup""#, "attendu : un nombre ; trouvé : « beaucoup »"),
        ] {
            do {
                _ = try SeasonFixtures.load(season: season(#"{ "stabilityPenalty": \#(value) }"#))
                Issue.record("expected an error for \(value)")
            } catch let error as SeasonError {
                #expect(error.issues.map(\.description) == ["essai/season.json:9: objective.stabilityPenalty : \(message)"])
            }
        }
    }

    @Test func namesTheMissingFile() throws {
        let folder = try SeasonFixtures.write(season: SeasonFixtures.seasonJSON())
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("communes.csv"))
        #expect(
            try SeasonFixtures.refusal { try SeasonFixtures.loader().load(folder: folder, displayPath: "essai") } == [
                "essai/communes.csv: fichier absent"
            ])
    }

    @Test func refusesAFileThatIsNotUTF8() throws {
        let folder = try SeasonFixtures.write(season: SeasonFixtures.seasonJSON())
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x69, 0x6E, 0x73, 0x65, 0x65, 0x0A, 0x35, 0x31, 0x30, 0x30, 0x38, 0xE9, 0x0A])
            .write(to: folder.appendingPathComponent("communes.csv"))
        #expect(
            try SeasonFixtures.refusal { try SeasonFixtures.loader().load(folder: folder, displayPath: "essai") } == [
                "essai/communes.csv:2: pas en UTF-8 : octet 0xE9 invalide (enregistrez le fichier en UTF-8, pas en Latin-1 ou Windows-1252)"
            ])
    }

    /// The fixture season reading its distances from `routes.csv`.
    static let seasonWithMatrix = SeasonFixtures.seasonJSON().replacingOccurrences(
        of: #""seed": 7"#, with: #""seed": 7, "distances": { "matrixFile": "routes.csv" }"#)

    @Test func readsAnImportedDistanceMatrixAndNamesMissingPairs() throws {
        let season = Self.seasonWithMatrix
        let full = "from,to,km,minutes\n52448,51008,14.2,17\n52448,52391,25.0,28\n51008,52391,22.5,25\n"
        let (loaded, _) = try SeasonFixtures.load(season: season, extraFiles: ["routes.csv": full])
        guard case .matrix(let matrix) = loaded.distances else {
            Issue.record("no matrix")
            return
        }
        #expect(matrix.leg(from: "51008", to: "52448")?.km == 14.2)
        let partial = "from,to,km,minutes\n52448,51008,14.2,17\n"
        #expect(
            try SeasonFixtures.refusal { try SeasonFixtures.load(season: season, extraFiles: ["routes.csv": partial]) } == [
                "essai/routes.csv: 2 trajets manquants dans la matrice, par exemple 51008→52391, 52391→52448"
            ])
    }

    @Test func refusesAPairGivenTwiceWithItsLine() throws {
        let matrix = "from,to,km,minutes\n52448,51008,14.2,17\n52448,52391,25.0,28\n51008,52391,22.5,25\n52448,51008,99,99\n"
        #expect(
            try SeasonFixtures.refusal { try SeasonFixtures.load(season: Self.seasonWithMatrix, extraFiles: ["routes.csv": matrix]) } == [
                "essai/routes.csv:5: from/to : paire 52448 → 51008 déjà donnée plus haut : une ligne par paire est attendue"
            ])
    }

    @Test func refusesAnInfiniteDistanceOrDurationWithItsLine() throws {
        let season = Self.seasonWithMatrix
        for (km, minutes) in [("inf", "17"), ("1e400", "17"), ("14.2", "Infinity"), ("14.2", "-1e400"), ("0x10", "17"), ("14.2", "nan")] {
            let matrix = "from,to,km,minutes\n52448,51008,\(km),\(minutes)\n52448,52391,25.0,28\n51008,52391,22.5,25\n"
            do {
                _ = try SeasonFixtures.load(season: season, extraFiles: ["routes.csv": matrix])
                Issue.record("accepted \(km) km, \(minutes) minutes")
            } catch let error as SeasonError {
                #expect(
                    error.issues.map(\.description) == [
                        "essai/routes.csv:2: colonnes km/minutes : nombres positifs finis attendus, trouvé « \(km) » et « \(minutes) »"
                    ])
            }
        }
    }
}

/// The calendars a season relies on, and what happens outside the years they know.
struct SeasonCalendarRangeTests {
    @Test func refusesASeasonOutsideTheHolidayCalendar() throws {
        let season = SeasonFixtures.seasonJSON(
            period: ("2300-05-01", "2300-07-31"),
            tours: #"[{ "name": "Mai", "from": "2300-05-01", "to": "2300-05-31", "evenings": 3 }]"#)
        #expect(
            try SeasonFixtures.refusal { try SeasonFixtures.load(season: season) } == [
                "essai/season.json:3: period.from : année 2300 hors du calendrier des jours fériés : une saison entre 1900 et 2200 est attendue",
                "essai/season.json:3: period.to : année 2300 hors du calendrier des jours fériés : une saison entre 1900 et 2200 est attendue",
            ])
    }

    @Test func warnsWhenSchoolHolidaysToAvoidAreUnknownForTheSeasonsYears() throws {
        let csv = "zone,school_year,period,first_day_off,last_day_off\nZone B,2026-2027,Vacances d'Été,2027-07-03,2027-08-31\n"
        let rule = #", "schoolHolidays": { "zone": "B", "policy": "avoid", "file": "vacances.csv" }"#
        let season = SeasonFixtures.seasonJSON(period: ("2027-05-01", "2028-09-30"), extraEvenings: rule)
        let (_, warnings) = try SeasonFixtures.load(season: season, extraFiles: ["vacances.csv": csv])
        #expect(
            warnings.map(\.description).contains(
                "essai/season.json: avertissement : evenings.schoolHolidays : vacances scolaires de la zone B inconnues pour les années scolaires 2027-2028, 2028-2029 : le fichier n'en donne aucune, elles ne seront pas évitées ; ajoutez-les au fichier"
            ))
        let (_, allowed) = try SeasonFixtures.load(
            season: season.replacingOccurrences(of: #""avoid""#, with: #""allow""#), extraFiles: ["vacances.csv": csv])
        #expect(!allowed.contains { $0.key == "evenings.schoolHolidays" })
    }
}
