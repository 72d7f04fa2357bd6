import Foundation

/// A CSV file read into rows of fields, each row knowing the line it started on.
///
/// Follows RFC 4180 (quoted fields may hold commas, quotes doubled, line breaks) and what
/// spreadsheets write in France: a UTF-8 byte-order mark, CRLF line ends, and `;` as the
/// separator when the header row uses it. Cost: O(size of the text).
public struct CSVTable: Sendable {
    /// One record and the 1-based line of the file where it starts.
    public struct Row: Sendable {
        /// The 1-based line number where the record starts.
        public let line: Int
        /// The fields, unquoted.
        public let fields: [String]
    }

    /// The header's column names, trimmed.
    public let header: [String]
    /// The data rows (blank lines are skipped).
    public let rows: [Row]
    /// The field separator found in the header (`,` or `;`).
    public let separator: Character

    /// Parses `text`; throws a `CSVError` naming the line where the first malformed record starts.
    public init(text: String) throws(CSVError) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let separatorByte = CSVTable.detectSeparator(bytes)
        var records = try CSVTable.records(bytes, separator: separatorByte)
        guard !records.isEmpty else { throw CSVError(line: 1, reason: .empty) }
        let headerRow = records.removeFirst()
        header = headerRow.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        rows = records
        separator = Character(UnicodeScalar(separatorByte))
    }

    /// The index of a column by its (case-insensitive) name.
    public func column(_ name: String) -> Int? {
        header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// Each column name the header repeats (compared as `column(_:)` does), with its 1-based
    /// positions: the first and the repeat. O(columns).
    public var duplicateColumns: [(name: String, first: Int, second: Int)] {
        var firstPosition: [String: Int] = [:]
        var duplicates: [(name: String, first: Int, second: Int)] = []
        for (index, name) in header.enumerated() {
            if let first = firstPosition[name.lowercased()] {
                duplicates.append((name, first, index + 1))
            } else {
                firstPosition[name.lowercased()] = index + 1
            }
        }
        return duplicates
    }

    private static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") }
        let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
        let semicolons = firstLine.filter { $0 == UInt8(ascii: ";") }.count
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    private static func records(_ bytes: [UInt8], separator: UInt8) throws(CSVError) -> [Row] {
        let quote = UInt8(ascii: "\"")
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = 0
        var fieldWasQuoted = false

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            let isBlank = fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty
            if !isBlank { rows.append(Row(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote {
                guard field.allSatisfy({ $0 == UInt8(ascii: " ") }), !fieldWasQuoted else {
                    throw CSVError(line: recordLine, reason: .quoteInUnquotedField, faultLine: line)
                }
                field.removeAll()
                index = try quotedField(bytes, openingAt: index, recordLine: recordLine, line: &line, into: &field)
                fieldWasQuoted = true
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                if index < bytes.count, ![separator, newline, carriageReturn].contains(bytes[index]) {
                    throw CSVError(line: recordLine, reason: .textAfterClosingQuote, faultLine: line)
                }
                continue
            }
            switch byte {
            case separator:
                endField()
            case carriageReturn where index + 1 < bytes.count && bytes[index + 1] == newline:
                break
            case newline:
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
            index += 1
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return rows
    }

    /// Reads the quoted field whose opening quote is at `start` into `field` (a doubled quote is
    /// one quote, line breaks are kept and counted in `line`); returns the index after the
    /// closing quote.
    private static func quotedField(
        _ bytes: [UInt8], openingAt start: Int, recordLine: Int, line: inout Int, into field: inout [UInt8]
    ) throws(CSVError) -> Int {
        let quote = UInt8(ascii: "\"")
        let openedAt = line
        var index = start + 1
        while index < bytes.count {
            let inner = bytes[index]
            if inner == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote {
                    field.append(quote)
                    index += 2
                    continue
                }
                return index + 1
            }
            if inner == UInt8(ascii: "\n") { line += 1 }
            field.append(inner)
            index += 1
        }
        throw CSVError(line: recordLine, reason: .unterminatedQuote, faultLine: openedAt)
    }
}

/// A malformed CSV text.
public struct CSVError: Error, Equatable, Sendable {
    /// What is wrong.
    public enum Reason: Equatable, Sendable {
        /// The file has no header row.
        case empty
        /// A quoted field is never closed.
        case unterminatedQuote
        /// A closing quote is followed by something other than a separator or a line end.
        case textAfterClosingQuote
        /// A quote appears inside an unquoted field.
        case quoteInUnquotedField
    }

    /// The 1-based line where the malformed record starts, as every reader names a record.
    public let line: Int
    /// What is wrong.
    public let reason: Reason
    /// The 1-based line of the fault itself: later than `line` when a quoted field of the
    /// record holds a line break (for an unclosed quote, the line where it opens).
    public let faultLine: Int

    /// An error in the record starting at `line`, its fault at `faultLine` (the same by default).
    public init(line: Int, reason: Reason, faultLine: Int? = nil) {
        self.line = line
        self.reason = reason
        self.faultLine = faultLine ?? line
    }

    /// The explanation in French, for planners; it names the fault's own line when the record
    /// spans several.
    public var message: String {
        let text =
            switch reason {
            case .empty: "fichier vide : une ligne d'en-tête était attendue"
            case .unterminatedQuote: "guillemet ouvert jamais refermé"
            case .textAfterClosingQuote: "texte après un guillemet fermant : un séparateur ou une fin de ligne était attendu"
            case .quoteInUnquotedField: "guillemet au milieu d'un champ : entourez le champ de guillemets et doublez ceux qu'il contient"
            }
        guard faultLine != line else { return reason == .unterminatedQuote ? text + " (le champ commence ici)" : text }
        let place = reason == .unterminatedQuote ? "le champ s'ouvre ligne" : "à la ligne"
        return text + " (\(place) \(faultLine) ; l'enregistrement commence ligne \(line) et un champ entre guillemets y passe à la ligne)"
    }
}
