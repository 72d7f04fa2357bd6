/// Splits CSV text into records and fields following RFC 4180 §2: quoted fields may hold commas, line breaks and `""`.
///
/// Records end with CRLF (as RFC 4180 requires), LF or CR; a final line ending adds no record. An empty line is a
/// record of one empty field. Strict where the RFC is: a quote inside an unquoted field, text after a closing
/// quote, or an unterminated quoted field is an error naming the line.
public enum CSVParser {
    /// One record: the line it starts on (1-based) and its fields, unquoted.
    public struct Record: Equatable, Sendable {
        /// The 1-based line where the record starts (a quoted line break makes a record span lines).
        public let line: Int
        /// The fields, quotes removed and `""` turned into `"`.
        public let fields: [String]
    }

    /// Parses all records of `text`; `fileName` only labels errors. O(length of text).
    public static func records(in text: String, fileName: String) throws(BenchmarkFormatError) -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let bytes = Array(text.utf8)
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false, closedQuote = false
        var line = 1, recordLine = 1
        func fail(_ detail: String) -> BenchmarkFormatError {
            BenchmarkFormatError(fileName: fileName, line: line, reason: .badCSVQuoting(detail))
        }
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            closedQuote = false
        }
        func endRecord() {
            endField()
            records.append(Record(line: recordLine, fields: fields))
            fields.removeAll()
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < bytes.count && bytes[index] == quote {
                        field.append(quote)
                        index += 1
                    } else {
                        inQuotes = false
                        closedQuote = true
                    }
                } else {
                    field.append(byte)
                    if byte == lf || (byte == cr && (index == bytes.count || bytes[index] != lf)) {
                        line += 1
                    }
                }
                continue
            }
            switch byte {
            case comma:
                endField()
            case cr, lf:
                if byte == cr && index < bytes.count && bytes[index] == lf {
                    index += 1
                }
                endRecord()
                line += 1
                recordLine = line
            case quote:
                guard field.isEmpty && !closedQuote else {
                    throw fail("guillemet dans un champ qui ne commence pas par un guillemet (RFC 4180 §2.5)")
                }
                inQuotes = true
            default:
                guard !closedQuote else {
                    throw fail("texte après le guillemet fermant d'un champ (RFC 4180 §2.6–2.7)")
                }
                field.append(byte)
            }
        }
        if inQuotes {
            throw BenchmarkFormatError(
                fileName: fileName, line: recordLine, reason: .badCSVQuoting("champ entre guillemets non refermé avant la fin du fichier"))
        }
        if !field.isEmpty || !fields.isEmpty || closedQuote {
            endRecord()
        }
        return records
    }
}
