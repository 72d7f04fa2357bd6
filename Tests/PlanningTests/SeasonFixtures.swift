import Foundation
import TestSupport
import Testing
import TextFormats

@testable import Planning

/// The national directory, read once for all tests, and small seasons written to temporary folders.
enum SeasonFixtures {
    static let directory: Result<CommuneDirectory, SeasonError> = Result { () throws(SeasonError) in try CommuneDirectory.loadShipped() }

    static func loader() throws -> SeasonLoader { try SeasonLoader(directory: directory.get()) }

    /// A valid one-vehicle season whose JSON can be edited by the caller.
    static func seasonJSON(
        period: (String, String) = ("2027-05-01", "2027-06-30"),
        weekdays: String = #"["vendredi", "samedi"]"#,
        tours: String = #"[{ "name": "Mai", "from": "2027-05-01", "to": "2027-05-31", "evenings": 3 }]"#,
        extraEvenings: String = ""
    ) -> String {
        """
        {
          "name": "Essai",
          "period": { "from": "\(period.0)", "to": "\(period.1)" },
          "evenings": { "weekdays": \(weekdays), "start": "18:30", "end": "23:00"\(extraEvenings) },
          "tours": \(tours),
          "vehicles": [{ "id": "camion", "base": { "insee": "52448" }, "speedKmh": 55, "costPerKm": 0.38,
                         "co2KgPerKm": 0.27, "travel": "returnToBase" }],
          "communesFile": "communes.csv",
          "seed": 7
        }
        """
    }

    static let communesCSV = "insee,has_cafe\n51008,non\n52391,non\n"

    /// Writes a season folder with the given files and returns it.
    static func write(season: String, communes: String = communesCSV, extraFiles: [String: String] = [:]) throws -> URL {
        let folder = try TemporaryDirectory(prefix: "tournee-season").url
        try season.write(to: folder.appendingPathComponent("season.json"), atomically: true, encoding: .utf8)
        try communes.write(to: folder.appendingPathComponent("communes.csv"), atomically: true, encoding: .utf8)
        for (name, text) in extraFiles {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static func load(season: String, communes: String = communesCSV, extraFiles: [String: String] = [:]) throws -> (Season, [FileIssue]) {
        let folder = try write(season: season, communes: communes, extraFiles: extraFiles)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try loader().load(folder: folder, displayPath: "essai")
    }

    /// The issues, as the user reads them, of a load that must be refused with a `SeasonError`;
    /// a load that succeeds is a test failure (any other error is thrown on).
    static func refusal<T>(_ load: () throws -> T) throws -> [String] {
        do { _ = try load() } catch let error as SeasonError { return error.issues.map(\.description) }
        Issue.record("expected an error")
        return []
    }
}
