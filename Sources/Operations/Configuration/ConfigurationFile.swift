import TextFormats

/// A JSON configuration file read with the one reading layer: `TextFile` for the bytes (no FIFO,
/// folder or huge file; UTF-8 checked), `JSONParser` for the syntax; faults become
/// `ConfigurationError`s naming the file and line.
public enum ConfigurationFile {
    /// The parsed root of `path`. O(size of the file).
    public static func root(path: String) throws(ConfigurationError) -> JSONValue.Located {
        let text: String
        do {
            text = try TextFile.read(path: path, limit: 1_048_576)
        } catch {
            throw ConfigurationError(error)
        }
        return try parse(text, file: path)
    }

    /// The parsed root of `text`, the content of `file`. O(size of the text).
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> JSONValue.Located {
        do {
            return try JSONParser.parse(text)
        } catch {
            throw .syntax(file: file, line: error.line, message: error.message)
        }
    }
}
