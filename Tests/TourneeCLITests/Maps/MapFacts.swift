import Foundation
import TestSupport

/// What `map_facts.py` (Python's XML parser) reads in a map: groups, départements, legs,
/// marks, labels and texts.
struct MapFacts: Decodable {
    struct Tour: Decodable {
        let name: String
        let stroke: String
        let dash: String
        let legs: [[Double]]
    }

    struct Mark: Decodable {
        let x: Double, y: Double, r: Double
        let fill: String
        let stroke: String
        let dash: String?
    }

    struct Point: Decodable {
        let x: Double, y: Double
    }

    struct Label: Decodable {
        let x: Double, y: Double
        let anchor: String
        let fill: String
        let lines: [String]
    }

    let title: String
    let desc: String
    let groups: [String]
    let departements: [String]
    let tours: [Tour]
    let communes: [Mark]
    let bases: [Point]
    let labels: [Label]
    let leaders: Int
    let texts: [String]

    /// The facts of the map in `file` (a map.svg or a report page).
    static func read(_ file: String) throws -> MapFacts {
        try PythonPeer.json(MapFacts.self, "map_facts.py", [file])
    }

    /// The « number · date » lines of the labels, by number.
    var numberedDates: [Int: String] {
        var found: [Int: String] = [:]
        for label in labels {
            for line in label.lines {
                let parts = line.components(separatedBy: " · ")
                if parts.count == 2, let number = Int(parts[0]) { found[number] = parts[1] }
            }
        }
        return found
    }

    /// How many names the legend says were left out.
    var omitted: Int {
        texts.compactMap { text in
            text.hasSuffix("omis faute de place") ? Int(text.components(separatedBy: " ")[0]) : nil
        }.first ?? 0
    }
}
