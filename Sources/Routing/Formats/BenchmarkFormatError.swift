/// A benchmark or solution file that cannot be read, with the file name, the 1-based line and what was expected.
public struct BenchmarkFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name the caller gave for the text (usually the file name), repeated in every message.
    public let fileName: String
    /// The 1-based line where the problem was found, or nil when it concerns the whole file.
    public let line: Int?
    /// What was wrong.
    public let reason: Reason

    /// What a reader expected and did not find; the `String` payloads are French words for the message.
    public enum Reason: Equatable, Sendable {
        /// A mandatory specification keyword (e.g. `DIMENSION`) is absent.
        case missingKeyword(String)
        /// A CSV column the table needs (e.g. `bks_cost`) is absent from the header.
        case missingColumn(String)
        /// A keyword has a value this reader does not support; `expected` lists the accepted ones.
        case unsupportedValue(keyword: String, value: String, expected: [String])
        /// A data section the problem needs (e.g. `DEMAND_SECTION`) is absent.
        case missingSection(String)
        /// A keyword or a section is given a second time (the first one at `firstLine`).
        case duplicate(String, firstLine: Int)
        /// A section ended (next section, `EOF` or end of text) before all its rows or values were read.
        case truncatedSection(String, expected: Int, found: Int)
        /// A line does not have the number of fields its section or format requires.
        case wrongFieldCount(context: String, expected: Int, found: Int)
        /// A field that must be a finite number (or an integer) is not one.
        case notANumber(field: String, text: String)
        /// A number is outside what the reader accepts (a size over `BenchmarkLimits`, a negative demand…).
        case valueOutOfRange(field: String, found: String, expected: String)
        /// A node's time window closes before it opens; `node` names it (`client 3`, `nœud 4`).
        case reversedTimeWindow(node: String, earliest: Double, latest: Double)
        /// A node number is outside `1...dimension` (or `0..<n`), or is given twice.
        case badNodeNumber(context: String, number: Int, validRange: ClosedRange<Int>)
        /// A line does not have the shape the format requires at this point.
        case unexpectedLine(expected: String, found: String)
        /// A CSV field broke RFC 4180 §2 quoting rules.
        case badCSVQuoting(String)
        /// The file holds nothing to read.
        case empty
    }

    /// Makes an error for `fileName`, at `line` when known.
    public init(fileName: String, line: Int?, reason: Reason) {
        self.fileName = fileName
        self.line = line
        self.reason = reason
    }

    /// `file:line: message`, in the style of compilers, so editors can jump to the place.
    public var description: String {
        let place = line.map { "\(fileName):\($0)" } ?? fileName
        return "\(place): \(message)"
    }

    /// The message in French, as the command line shows it.
    private var message: String {
        switch reason {
        case .missingKeyword(let keyword):
            return "mot-clé \(keyword) absent"
        case .missingColumn(let column):
            return "colonne \(column) absente de l'en-tête"
        case .unsupportedValue(let keyword, let value, let expected):
            return "\(keyword) « \(value) » non pris en charge, attendu : \(expected.joined(separator: ", "))"
        case .missingSection(let section):
            return "section \(section) absente"
        case .duplicate(let name, let firstLine):
            return "\(name) apparaît une deuxième fois (déjà ligne \(firstLine)), attendu une seule fois"
        case .truncatedSection(let section, let expected, let found):
            return "\(section) incomplète : \(expected) entrées attendues, \(found) trouvées"
        case .wrongFieldCount(let context, let expected, let found):
            return "\(expected) champs attendus dans \(context), \(found) trouvés"
        case .notANumber(let field, let text):
            return "nombre attendu pour \(field), trouvé « \(text) »"
        case .valueOutOfRange(let field, let found, let expected):
            return "\(field) vaut \(found), attendu \(expected)"
        case .reversedTimeWindow(let node, let earliest, let latest):
            return "\(node) : fenêtre horaire qui se ferme (\(Self.format(latest))) avant de s'ouvrir "
                + "(\(Self.format(earliest))), attendu une ouverture inférieure ou égale à la fermeture"
        case .badNodeNumber(let context, let number, let validRange):
            return "nœud \(number) dans \(context) hors de \(validRange.lowerBound)...\(validRange.upperBound) ou répété"
        case .unexpectedLine(let expected, let found):
            return "attendu \(expected), trouvé « \(found) »"
        case .badCSVQuoting(let detail):
            return "guillemets CSV incorrects : \(detail)"
        case .empty:
            return "fichier vide"
        }
    }

    /// `20` rather than `20.0`: the number as a file would write it.
    static func format(_ value: Double) -> String {
        if let integer = Int(exactly: value) {
            return String(integer)
        }
        return String(value)
    }
}
