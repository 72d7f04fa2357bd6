/// Chooses the reader for a benchmark file from its extension, for callers handed a list of files.
public enum BenchmarkReader {
    /// Parses `text` with `TSPLIBReader` for `.tsp`/`.vrp` and `SolomonReader` for `.txt` (case-insensitive).
    public static func parse(_ text: String, fileName: String) throws(BenchmarkFormatError) -> BenchmarkInstance {
        let fileExtension = fileName.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch fileExtension {
        case "tsp", "vrp":
            return try TSPLIBReader.parse(text, fileName: fileName)
        case "txt":
            return try SolomonReader.parse(text, fileName: fileName)
        default:
            throw BenchmarkFormatError(
                fileName: fileName, line: nil,
                reason: .unsupportedValue(
                    keyword: "l'extension de fichier", value: fileExtension, expected: ["tsp", "vrp", "txt"]))
        }
    }
}
