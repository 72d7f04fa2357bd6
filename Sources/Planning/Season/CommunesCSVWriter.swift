import Foundation

/// Writes communes of the national file as rows of a season's communes CSV.
public enum CommunesCSVWriter {
    /// The CSV text (header and one row per commune, RFC 4180 quoting, `\n` line ends). O(n).
    public static func csv(for communes: [DirectoryCommune]) -> String {
        var lines = [CommunesCSVReader.columns.joined(separator: ",")]
        for commune in communes {
            var fields = Array(repeating: "", count: CommunesCSVReader.columns.count)
            fields[0] = commune.insee
            fields[1] = commune.name
            fields[2] = String(commune.population)
            if let coordinate = commune.coordinate {
                fields[3] = coordinateText(coordinate.latitude)
                fields[4] = coordinateText(coordinate.longitude)
            }
            lines.append(fields.map(quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A field quoted when it holds a comma, a quote or a line break (RFC 4180 §2).
    public static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == ";" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func coordinateText(_ value: Double) -> String {
        String(format: "%.5f", value)
    }
}
