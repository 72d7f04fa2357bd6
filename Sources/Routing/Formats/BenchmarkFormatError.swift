/// A benchmark or solution file that cannot be read, with the file name, the 1-based line and what was expected.
public struct BenchmarkFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name the caller gave for the text (usually the file name), repeated in every message.
    public let fileName: String
    /// The 1-based line where the problem was found, or nil when it concerns the whole file.
    public let line: Int?
    /// What was wrong.
    public let reason: Reason

    /// What a reader expected and did not find.
    public enum Reason: Equatable, Sendable {
        /// A mandatory specification keyword (e.g. `DIMENSION`) is absent.
        case missingKeyword(String)
        /// A keyword has a value this reader does not support; `expected` lists the accepted ones.
        case unsupportedValue(keyword: String, value: String, expected: [String])
        /// A data section the problem needs (e.g. `DEMAND_SECTION`) is absent.
        case missingSection(String)
        /// A section ended (next section, `EOF` or end of text) before all its rows or values were read.
        case truncatedSection(String, expected: Int, found: Int)
        /// A line does not have the number of fields its section or format requires.
        case wrongFieldCount(context: String, expected: Int, found: Int)
        /// A field that must be a finite number (or an integer) is not one.
        case notANumber(field: String, text: String)
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

    private var message: String {
        switch reason {
        case .missingKeyword(let keyword):
            return "missing keyword \(keyword)"
        case .unsupportedValue(let keyword, let value, let expected):
            return "unsupported \(keyword) '\(value)', expected one of \(expected.joined(separator: ", "))"
        case .missingSection(let section):
            return "missing section \(section)"
        case .truncatedSection(let section, let expected, let found):
            return "\(section) truncated: expected \(expected) entries, found \(found)"
        case .wrongFieldCount(let context, let expected, let found):
            return "expected \(expected) fields in \(context), found \(found)"
        case .notANumber(let field, let text):
            return "expected a number for \(field), found '\(text)'"
        case .badNodeNumber(let context, let number, let validRange):
            return "node \(number) in \(context) is out of range \(validRange.lowerBound)...\(validRange.upperBound) or repeated"
        case .unexpectedLine(let expected, let found):
            return "expected \(expected), found '\(found)'"
        case .badCSVQuoting(let detail):
            return "bad CSV quoting: \(detail)"
        case .empty:
            return "empty file"
        }
    }
}
