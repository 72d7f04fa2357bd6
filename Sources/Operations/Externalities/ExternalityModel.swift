import Foundation
import Planning
import TextFormats

/// The externality model read from `config/externalities.json`: every factor with its value,
/// unit and source, so that the report can show how each figure was obtained.
public struct ExternalityModel: Equatable, Sendable {
    /// Local multiplier of money spent locally (the LM3 idea: each euro spent locally is
    /// re-spent by local businesses before it leaves the area).
    public var localMultiplier: ExternalityFactor
    /// Share of the people present who would otherwise have driven to a café or festival.
    public var shareWhoWouldHaveDriven: ExternalityFactor
    /// One-way distance to the nearest café or festival when no commune override is given.
    public var defaultAlternativeKm: ExternalityFactor
    /// People per car on such a trip.
    public var peoplePerCar: ExternalityFactor
    /// Trips per outing (2: there and back).
    public var tripsPerOuting: ExternalityFactor
    /// Emissions of an average car per km.
    public var carKgCO2PerKm: ExternalityFactor
    /// Emissions of the tour's vehicle per km, when no vehicle override is given.
    public var tourKgCO2PerKm: ExternalityFactor
    /// One-way distance to the nearest alternative by INSEE code, overriding the default.
    public var alternativeKmByCommune: [String: Double]
    /// Emissions per km by vehicle id, overriding the default.
    public var tourKgCO2PerKmByVehicle: [String: Double]

    /// The factor keys of the file, in the order the report lists them.
    public static let factorKeys = [
        "localMultiplier", "shareWhoWouldHaveDriven", "defaultAlternativeKm",
        "peoplePerCar", "tripsPerOuting", "carKgCO2PerKm", "tourKgCO2PerKm",
    ]

    /// The factors in report order, each with its key.
    public var factors: [(key: String, factor: ExternalityFactor)] {
        [
            ("localMultiplier", localMultiplier), ("shareWhoWouldHaveDriven", shareWhoWouldHaveDriven),
            ("defaultAlternativeKm", defaultAlternativeKm), ("peoplePerCar", peoplePerCar),
            ("tripsPerOuting", tripsPerOuting), ("carKgCO2PerKm", carKgCO2PerKm), ("tourKgCO2PerKm", tourKgCO2PerKm),
        ]
    }

    /// The one-way distance from `insee` to the nearest café or festival.
    public func alternativeKm(insee: String) -> Double {
        alternativeKmByCommune[insee] ?? defaultAlternativeKm.value
    }

    /// The tour vehicle's emissions per km.
    public func tourKgCO2PerKm(vehicle: String) -> Double {
        tourKgCO2PerKmByVehicle[vehicle] ?? tourKgCO2PerKm.value
    }

    /// Reads the model with the one JSON reading layer; every problem names the key path and
    /// its line. O(size of the text).
    public static func parse(_ text: String, file: String) throws(RecordsError) -> ExternalityModel {
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw RecordsError([.init(file: file, line: error.line, message: "JSON mal formé : " + error.message)])
        }
        let log = IssueLog()
        guard let reader = JSONObjectReader(root, file: file, path: "", log: log) else { throw RecordsError(log.issues) }
        reader.rejectUnknownKeys(factorKeys + ["alternativeKmByCommune", "tourKgCO2PerKmByVehicle", "comment"])
        var factors: [String: ExternalityFactor] = [:]
        for key in factorKeys {
            if let factor = readFactor(reader.object(key)) { factors[key] = factor }
        }
        let communes = reader.numbers("alternativeKmByCommune", required: false, range: 0...100_000) ?? [:]
        let vehicles = reader.numbers("tourKgCO2PerKmByVehicle", required: false, range: 0...100) ?? [:]
        func refuse(_ key: String, _ message: String) {
            log.error(file, line: reader.value(key, required: false)?.line ?? root.line, key: key, message)
        }
        if let share = factors["shareWhoWouldHaveDriven"], share.value > 1 {
            refuse("shareWhoWouldHaveDriven", "une part entre 0 et 1 est attendue")
        }
        if let people = factors["peoplePerCar"], people.value < 1 { refuse("peoplePerCar", "au moins 1 personne par voiture") }
        guard !log.hasErrors, let multiplier = factors["localMultiplier"], let share = factors["shareWhoWouldHaveDriven"],
            let distance = factors["defaultAlternativeKm"], let people = factors["peoplePerCar"],
            let trips = factors["tripsPerOuting"], let car = factors["carKgCO2PerKm"], let tour = factors["tourKgCO2PerKm"]
        else {
            throw RecordsError(log.issues)
        }
        return ExternalityModel(
            localMultiplier: multiplier, shareWhoWouldHaveDriven: share, defaultAlternativeKm: distance,
            peoplePerCar: people, tripsPerOuting: trips, carKgCO2PerKm: car, tourKgCO2PerKm: tour,
            alternativeKmByCommune: communes, tourKgCO2PerKmByVehicle: vehicles)
    }

    /// A factor `{value, unit, source, label}`: a number ≥ 0 and three non-empty texts.
    private static func readFactor(_ reader: JSONObjectReader?) -> ExternalityFactor? {
        guard let reader else { return nil }
        reader.rejectUnknownKeys(["value", "unit", "source", "label"])
        let value = reader.number("value", range: 0...1_000_000_000)
        let unit = reader.string("unit")
        let source = reader.string("source")
        let label = reader.string("label")
        guard let value, let unit, let source, let label else { return nil }
        return ExternalityFactor(value: value, unit: unit, source: source, label: label)
    }
}
