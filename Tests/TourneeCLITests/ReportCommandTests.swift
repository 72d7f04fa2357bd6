import CommandLineSupport
import Foundation
import Operations
import Store
import TestSupport
import Testing
import TourneeCLI

/// The 2023 season of La Guinguette mobile replayed through the real commands: the report's
/// headline must show the published figures, and the externality must follow from the
/// recorded money and the configured factors.
struct ReportCommandTests {
    static let modelPath = Repository.url("config/externalities.json")

    /// The local-economy externality computed here from the database and the model file,
    /// independently of `ExternalityFigures`.
    static func expectedLocalEconomy(_ world: RecordsWorld) throws -> Double {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: modelPath)) as! [String: Any]
        let multiplier = try #require((object["localMultiplier"] as? [String: Any])?["value"] as? Double)
        let database = try world.open()
        let cents = try #require(
            try database.queryOne(
                "SELECT sum(coalesce(sales_cents, 0) + coalesce(local_spend_cents, 0)) FROM evening_records"
            ) { $0.int(0) })
        return Double(cents) / 100 * multiplier
    }

    static func euros(_ value: Double) -> String {
        // Grouped by U+202F, written independently of FrenchNumber.
        var digits = String(Int(value.rounded()))
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202F}" + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + "\u{00A0}€"
    }

    @Test func markdownHeadlineShowsThePublished2023Figures() throws {
        let world = try RecordsWorld.guinguette2023()
        let run = world.run(["report", RecordsWorld.season2023])
        #expect(run.status == .success, "\(run.err)")
        let rows = Dictionary(
            run.out.split(separator: "\n").compactMap { line -> (String, String)? in
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return cells.count == 2 ? (cells[0], cells[1]) : nil
            }, uniquingKeysWith: { first, _ in first })
        #expect(rows["Personnes touchées"] == "5\u{202F}000")
        #expect(rows["Soirées"] == "24")
        #expect(rows["Communes d'accueil"] == "15")
        #expect(rows["Animations"] == "60")
        #expect(rows["Associations locales"] == "12")
        #expect(rows["Producteurs locaux"] == "15")
        #expect(rows["Externalités positives pour l'économie locale"] == Self.euros(try Self.expectedLocalEconomy(world)))
        #expect(run.out.contains("× multiplicateur local 1,7"))
        #expect(run.out.contains("hypothèse de l'équipe"))
    }

    @Test func htmlReportIsWellFormedAndHoldsTheFiguresAndCharts() throws {
        let world = try RecordsWorld.guinguette2023()
        let out = world.folder.appendingPathComponent("bilan.html").path
        let run = world.run(["report", RecordsWorld.season2023, "--format", "html", "--out", out])
        #expect(run.status == .success, "\(run.err)")
        let script = TourneeRun.fixtures.appendingPathComponent("python/check_report_html.py")
        let parsed = try JSONSerialization.jsonObject(with: PythonPeer.run(script: script, [out])) as! [String: Any]
        #expect(parsed["root"] as? String == "{http://www.w3.org/1999/xhtml}html")
        let figures = try #require(parsed["figures"] as? [String: String])
        #expect(figures["Personnes touchées"] == "5\u{202F}000")
        #expect(figures["Soirées"] == "24")
        #expect(figures["Animations"] == "60")
        #expect(figures["Associations locales"] == "12")
        #expect(figures["Producteurs locaux"] == "15")
        #expect(figures["Externalités positives pour l'économie locale"] == Self.euros(try Self.expectedLocalEconomy(world)))
        let charts = try #require(parsed["charts"] as? [[String: Any]])
        #expect(charts.map { $0["title"] as? String } == ["Fréquentation", "Part par commune", "Carte de la tournée"])
        // 24 bars (one per evening), 15 commune bars; on the map 15 communes, each of the four
        // tours' evenings as a spoke from the van's base, and the 24 evenings numbered.
        #expect(charts[0]["rects"] as? Int == 24)
        #expect(charts[1]["rects"] as? Int == 15)
        let map = try MapFacts.read(out)
        #expect(map.communes.count == 15 && map.tours.count == 4 && map.bases.count == 1)
        // A name left out for want of room takes its evenings' numbers with it (two at most in
        // 2023), and the legend says how many.
        #expect(Set(map.numberedDates.keys).isSubset(of: 1...24) && map.numberedDates.count >= 24 - 2 * map.omitted)
        #expect(map.omitted <= 1, "\(map.texts)")
        #expect(Set(["51", "52"]).isSubset(of: map.departements))
        let base = try #require(map.bases.first)
        for leg in map.tours.flatMap(\.legs) {
            #expect(min(MapTests.distance(leg[0], leg[1], base), MapTests.distance(leg[2], leg[3], base)) < 5, "\(leg)")
        }
        let tables = try #require(parsed["tables"] as? [[[String]]])
        #expect(tables.count == 4)
        #expect(tables[2].count == 1 + 15)
        #expect(tables[3].count == 1 + 24)
        #expect((parsed["h2"] as? [String])?.first == "Chiffres clés")
    }

    @Test func csvReportHasOneRfc4180RowPerEveningWithPlainNumbers() throws {
        let world = try RecordsWorld.guinguette2023()
        let run = world.run(["report", RecordsWorld.season2023, "--format", "rfc4180"])
        #expect(run.status == .success)
        #expect(run.out.hasSuffix("\r\n"))
        #expect(run.out.hasPrefix("event,date,"))
        let csv = try CSVTableReader(run.out)
        #expect(csv.rows.count == 24)
        let attendance = try #require(csv.header.firstIndex(of: "attendance"))
        let economy = try #require(csv.header.firstIndex(of: "local_economy_eur"))
        #expect(csv.rows.map { Int($0[attendance])! }.reduce(0, +) == 5000)
        let total = csv.rows.map { Double($0[economy])! }.reduce(0, +)
        #expect(abs(total - (try Self.expectedLocalEconomy(world))) < 0.01 * 24)
        #expect(!run.out.contains("\u{202F}"))
    }

    /// The CSV used to open badly in a French spreadsheet (commas, decimal points, `producer`):
    /// `--format csv` is now the French one, and holds the same figures as the RFC 4180 one.
    @Test func csvReportOpensInAFrenchSpreadsheet() throws {
        let world = try RecordsWorld.guinguette2023()
        let run = world.run(["report", RecordsWorld.season2023, "--format", "csv"])
        #expect(run.status == .success, "\(run.err)")
        #expect(run.out.unicodeScalars.first == "\u{FEFF}")
        let csv = try CSVTableReader(String(run.out.unicodeScalars.dropFirst()), separator: ";")
        let plain = try CSVTableReader(world.run(["report", RecordsWorld.season2023, "--format", "rfc4180"]).out)
        #expect(csv.rows.count == 24)
        #expect(csv.header.first == "Soirée")
        #expect(csv.header.contains("Producteurs") && csv.header.contains("Économie locale (€)"))
        #expect(!csv.header.contains { $0.contains("_") })
        let economy = try #require(csv.header.firstIndex(of: "Économie locale (€)"))
        let plainEconomy = try #require(plain.header.firstIndex(of: "local_economy_eur"))
        #expect(csv.rows.allSatisfy { $0[economy].contains(",") && !$0[economy].contains(".") })
        #expect(csv.rows.map { $0[economy].replacingOccurrences(of: ",", with: ".") } == plain.rows.map { $0[plainEconomy] })
        #expect(csv.rows.map(\.first) == plain.rows.map(\.first))
    }

    /// A Lozère report showed a « Saint-Dizier » assumption and raw key names
    /// (`alternativeKmByCommune`): the shipped model names neither a territory nor its keys.
    @Test func thePageNamesNoKeyOfTheModelAndNoOtherTerritory() throws {
        let world = try RecordsWorld.guinguette2023()
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.modelPath)) as! [String: Any]
        for format in ["md", "html"] {
            let run = world.run(["report", RecordsWorld.season2023, "--format", format])
            #expect(run.status == .success, "\(run.err)")
            #expect(run.out.contains("hypothèse de l'équipe"))
            for key in object.keys { #expect(!run.out.contains(key), "\(format) : \(key)") }
            #expect(!run.out.contains("agglomération de Saint-Dizier"))
        }
    }

    /// The report used the externality file's 0.27 kg CO2/km while the season's vehicle said
    /// 0.25: the kept season's vehicles give the factor, the file only what the season does not say.
    @Test func theTourCO2ComesFromTheSeasonsVehicle() throws {
        let world = try RecordsWorld.guinguette2023()
        let season = try String(contentsOfFile: RecordsWorld.seasonFolder2023 + "/season.json", encoding: .utf8)
        #expect(season.contains(#""co2KgPerKm": 0.27"#))
        let shipped = try String(contentsOf: Self.modelPath, encoding: .utf8)
        let other = shipped.replacingOccurrences(of: #""value": 0.27"#, with: #""value": 0.5"#)
        #expect(other != shipped)
        let model = try world.write("autre-modele.json", other)
        let run = world.run(["report", RecordsWorld.season2023, "--format", "rfc4180", "--externalities", model])
        #expect(run.status == .success, "\(run.err)")
        let csv = try CSVTableReader(run.out)
        let km = try #require(csv.header.firstIndex(of: "tour_km"))
        let co2 = try #require(csv.header.firstIndex(of: "tour_kg_co2"))
        for row in csv.rows { #expect(abs(Double(row[co2])! - Double(row[km])! * 0.27) < 0.06, "\(row)") }
        let page = world.run(["report", RecordsWorld.season2023, "--externalities", model])
        #expect(page.out.contains("× 0,27 kg CO2e/km"))
        #expect(!page.out.contains("× 0,5 kg CO2e/km"))
    }

    @Test func unknownSeasonAndBadModelAreDataErrors() throws {
        let world = try RecordsWorld.guinguette2023()
        let unknown = world.run(["report", "guinguette-1999"])
        #expect(unknown.status == .dataError)
        #expect(unknown.err == "tournee: saison inconnue « guinguette-1999 »\n")
        let model = try world.write("model.json", #"{"localMultiplier": {"value": -1, "unit": "x", "source": "y", "label": "z"}}"#)
        let bad = world.run(["report", RecordsWorld.season2023, "--externalities", model])
        #expect(bad.status == .dataError)
        #expect(bad.err.contains("\(model):1: localMultiplier.value : nombre entre 0 et 1000000000 attendu, trouvé -1"))
        #expect(bad.err.contains("\(model):1: shareWhoWouldHaveDriven : clé obligatoire manquante"))
        let pdf = world.run(["report", RecordsWorld.season2023, "--format", "pdf"])
        #expect(pdf.status == .usage)
        #expect(pdf.err.contains("--format : md, html, csv ou rfc4180 attendu, trouvé « pdf »"))
    }

    /// `tournee report tours/NAME` used to answer « saison inconnue »: the folder names the season
    /// as it does for every other command, and a folder that is no season says why.
    @Test func theSeasonFolderNamesTheSeasonAsItsIdDoes() throws {
        let world = try RecordsWorld.guinguette2023()
        let byID = world.run(["report", RecordsWorld.season2023])
        let byFolder = world.run(["report", RecordsWorld.seasonFolder2023 + "/"])
        #expect(byFolder.status == .success, "\(byFolder.err)")
        #expect(byFolder.out == byID.out)
        #expect(byFolder.out.contains("Soirées"))
        let empty = world.folder.appendingPathComponent("vide")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let notASeason = world.run(["report", empty.path])
        #expect(notASeason.status == .noInput)
        #expect(notASeason.err.contains("\(empty.path)"))
        #expect(!notASeason.err.contains("saison inconnue"))
    }

    /// A report that cannot be written used to end on Foundation's English
    /// (« The operation could not be completed. The file doesn’t exist. »).
    @Test func aReportThatCannotBeWrittenSaysWhyInFrench() throws {
        let world = try RecordsWorld.guinguette2023()
        let out = world.folder.appendingPathComponent("absent/bilan.md").path
        let run = world.run(["report", RecordsWorld.season2023, "--out", out])
        #expect(run.status == .cannotCreate)
        #expect(run.err == "tournee: \(out) : écriture impossible (fichier ou dossier absent)\n")
    }
}

/// A strict RFC 4180 reader for the test (quotes, doubled quotes, CRLF), apart from the code under test.
struct CSVTableReader {
    let header: [String]
    let rows: [[String]]

    init(_ text: String, separator: Unicode.Scalar = ",") throws {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        characters.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == separator {
                record.append(field)
                field = ""
            } else if c == "\r" {
                guard characters.popFirst() == "\n" else { throw SupportError("CR without LF") }
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else if c == "\n" {
                throw SupportError("bare LF line end")
            } else {
                field.unicodeScalars.append(c)
            }
        }
        guard let first = records.first else { throw SupportError("empty CSV") }
        header = first
        rows = Array(records.dropFirst())
        guard rows.allSatisfy({ $0.count == header.count }) else { throw SupportError("ragged rows") }
    }
}
