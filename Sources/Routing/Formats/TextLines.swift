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

    /// A finite number, or an error naming the field.
    func number(_ text: Substring, field: String, line: Int) throws(BenchmarkFormatError) -> Double {
        guard let value = Double(text), value.isFinite else {
            throw error(line, .notANumber(field: field, text: String(text)))
        }
        return value
    }

    /// An integer, or an error naming the field.
    func integer(_ text: Substring, field: String, line: Int) throws(BenchmarkFormatError) -> Int {
        guard let value = Int(text) else {
            throw error(line, .notANumber(field: field, text: String(text)))
        }
        return value
    }
}
