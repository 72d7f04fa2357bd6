import TextFormats

/// A text cut into numbered lines of whitespace-separated fields, shared by every reader here.
///
/// CRLF, LF and CR all end a line (Solomon and CVRPLIB files mix them); tabs separate fields like spaces.
struct TextLines {
    /// One non-blank line: its 1-based number, its fields and its text without surrounding whitespace.
    struct Line {
        let number: Int
        let fields: [Substring]
        let text: Substring
    }

    /// `text` without leading and trailing whitespace (tabs and CR included).
    static func trimmed(_ text: Substring) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<end]
    }

    let fileName: String
    /// Non-blank lines, in order.
    let lines: [Line]

    /// Splits `text`; O(length of text).
    init(_ text: String, fileName: String) {
        self.fileName = fileName
        var lines: [Line] = []
        // "\r\n" is a single Character in Swift, so each line ending counts once whatever its style.
        for (index, piece) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let fields = piece.split(whereSeparator: \.isWhitespace)
            if !fields.isEmpty {
                lines.append(Line(number: index + 1, fields: fields, text: Self.trimmed(piece)))
            }
        }
        self.lines = lines
    }

    /// An error at `line` of this file.
    func error(_ line: Int?, _ reason: BenchmarkFormatError.Reason) -> BenchmarkFormatError {
        BenchmarkFormatError(fileName: fileName, line: line, reason: reason)
    }

    /// A finite number within `BenchmarkLimits.maximumMagnitude`, or an error naming the field.
    func number(_ text: Substring, field: String, line: Int) throws(BenchmarkFormatError) -> Double {
        guard let value = DecimalNumber.value(text) else {
            throw error(line, .notANumber(field: field, text: String(text)))
        }
        guard abs(value) <= BenchmarkLimits.maximumMagnitude else {
            throw error(line, .valueOutOfRange(field: field, found: String(text), expected: Self.magnitudeBound))
        }
        return value
    }

    /// `number` that must also be zero or more (service times, distances).
    func nonNegativeNumber(_ text: Substring, field: String, line: Int) throws(BenchmarkFormatError) -> Double {
        let value = try number(text, field: field, line: line)
        guard value >= 0 else {
            throw error(line, .valueOutOfRange(field: field, found: String(text), expected: "un nombre positif ou nul"))
        }
        return value
    }

    /// An integer (an `Int`: longer digit strings are refused, not wrapped), or an error naming the field.
    func integer(_ text: Substring, field: String, line: Int) throws(BenchmarkFormatError) -> Int {
        guard let value = Int(text) else {
            throw error(line, .notANumber(field: field, text: String(text)))
        }
        return value
    }

    /// An integer in `range`, or an error naming the field, the value and the range.
    func integer(
        _ text: Substring, field: String, line: Int, in range: ClosedRange<Int>
    ) throws(BenchmarkFormatError) -> Int {
        let value = try integer(text, field: field, line: line)
        guard range.contains(value) else {
            throw error(line, .valueOutOfRange(field: field, found: String(value), expected: Self.describe(range)))
        }
        return value
    }

    /// `un entier entre 1 et 10 000`, for messages.
    static func describe(_ range: ClosedRange<Int>) -> String {
        "un entier entre \(grouped(range.lowerBound)) et \(grouped(range.upperBound))"
    }

    /// The bound every number read must respect, in words.
    static let magnitudeBound =
        "un nombre entre -\(grouped(Int(BenchmarkLimits.maximumMagnitude))) et \(grouped(Int(BenchmarkLimits.maximumMagnitude)))"

    /// `10 000`: digits in groups of three, as French writes them.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 {
                result.append(" ")
            }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }
}
