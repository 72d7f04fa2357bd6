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
    public static let factorKeys = ["localMultiplier", "shareWhoWouldHaveDriven", "defaultAlternativeKm",
                                    "peoplePerCar", "tripsPerOuting", "carKgCO2PerKm", "tourKgCO2PerKm"]

    /// The factors in report order, each with its key.
    public var factors: [(key: String, factor: ExternalityFactor)] {
        [("localMultiplier", localMultiplier), ("shareWhoWouldHaveDriven", shareWhoWouldHaveDriven),
         ("defaultAlternativeKm", defaultAlternativeKm), ("peoplePerCar", peoplePerCar),
         ("tripsPerOuting", tripsPerOuting), ("carKgCO2PerKm", carKgCO2PerKm), ("tourKgCO2PerKm", tourKgCO2PerKm)]
    }

    /// The one-way distance from `insee` to the nearest café or festival.
    public func alternativeKm(insee: String) -> Double {
        alternativeKmByCommune[insee] ?? defaultAlternativeKm.value
    }

    /// The tour vehicle's emissions per km.
    public func tourKgCO2PerKm(vehicle: String) -> Double {
        tourKgCO2PerKmByVehicle[vehicle] ?? tourKgCO2PerKm.value
    }

    /// Reads the model; every problem names the key. O(size of the text).
    public static func parse(_ text: String, file: String) throws(RecordsError) -> ExternalityModel {
        let root: JSONValue.Located
        do { root = try JSONParser.parse(text) } catch {
            throw RecordsError([.init(file: file, line: error.line, message: "JSON mal formé : " + error.message)])
        }
        var problems: [RecordsError.Problem] = []
        guard case .object(let members) = root.value else {
            throw RecordsError([.init(file: file, line: root.line, message: "objet attendu")])
        }
        let byKey = Dictionary(members.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(factorKeys + ["alternativeKmByCommune", "tourKgCO2PerKmByVehicle", "comment"])
        for member in members where !known.contains(member.key) {
            problems.append(.init(file: file, line: member.line, key: member.key, message: "clé inconnue"))
        }
        var factors: [String: ExternalityFactor] = [:]
        for key in factorKeys {
            guard let member = byKey[key] else {
                problems.append(.init(file: file, line: root.line, key: key, message: "facteur manquant ({value, unit, source, label})"))
                continue
            }
            if let factor = readFactor(member.value) { factors[key] = factor } else {
                problems.append(.init(file: file, line: member.line, key: key,
                                      message: "objet {value: nombre ≥ 0, unit, source, label: textes non vides} attendu"))
            }
        }
        let communes = readNumbers(byKey["alternativeKmByCommune"], file: file, problems: &problems)
        let vehicles = readNumbers(byKey["tourKgCO2PerKmByVehicle"], file: file, problems: &problems)
        if let share = factors["shareWhoWouldHaveDriven"], share.value > 1, let member = byKey["shareWhoWouldHaveDriven"] {
            problems.append(.init(file: file, line: member.line, key: member.key, message: "une part entre 0 et 1 est attendue"))
        }
        if let people = factors["peoplePerCar"], people.value < 1, let member = byKey["peoplePerCar"] {
            problems.append(.init(file: file, line: member.line, key: member.key, message: "au moins 1 personne par voiture"))
        }
        guard problems.isEmpty, let multiplier = factors["localMultiplier"], let share = factors["shareWhoWouldHaveDriven"],
              let distance = factors["defaultAlternativeKm"], let people = factors["peoplePerCar"],
              let trips = factors["tripsPerOuting"], let car = factors["carKgCO2PerKm"], let tour = factors["tourKgCO2PerKm"] else {
            throw RecordsError(problems)
        }
        return ExternalityModel(localMultiplier: multiplier, shareWhoWouldHaveDriven: share, defaultAlternativeKm: distance,
                                peoplePerCar: people, tripsPerOuting: trips, carKgCO2PerKm: car, tourKgCO2PerKm: tour,
                                alternativeKmByCommune: communes, tourKgCO2PerKmByVehicle: vehicles)
    }

    private static func readFactor(_ value: JSONValue.Located) -> ExternalityFactor? {
        guard case .object(let members) = value.value else { return nil }
        var number: Double?, texts: [String: String] = [:]
        for member in members {
            switch (member.key, member.value.value) {
            case ("value", .number(let found, _)) where found >= 0 && found.isFinite: number = found
            case (let key, .string(let text)) where ["unit", "source", "label"].contains(key) && !text.isEmpty: texts[key] = text
            default: return nil
            }
        }
        guard let number, let unit = texts["unit"], let source = texts["source"], let label = texts["label"] else { return nil }
        return ExternalityFactor(value: number, unit: unit, source: source, label: label)
    }

    private static func readNumbers(_ member: JSONValue.Member?, file: String,
                                    problems: inout [RecordsError.Problem]) -> [String: Double] {
        guard let member else { return [:] }
        guard case .object(let entries) = member.value.value else {
            problems.append(.init(file: file, line: member.line, key: member.key, message: "objet {clé: nombre} attendu"))
            return [:]
        }
        var result: [String: Double] = [:]
        for entry in entries {
            guard case .number(let value, _) = entry.value.value, value >= 0 else {
                problems.append(.init(file: file, line: entry.line, key: member.key + "." + entry.key, message: "nombre ≥ 0 attendu"))
                continue
            }
            result[entry.key] = value
        }
        return result
    }
}
