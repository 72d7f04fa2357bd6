/// The two parts of a TSPLIB95 file (Reinelt 1991, §1): `KEYWORD : value` specification lines and `*_SECTION` data blocks.
///
/// VRPLIB (CVRPLIB, DIMACS VRPTW) extends the same layout with more keywords and sections, so both share this scanner.
struct KeywordFile {
    /// A specification value and the line it came from.
    struct Entry {
        let value: String
        let line: Int
    }

    /// A data section: its header line and the data lines up to the next keyword, `EOF` or the end of the text.
    struct Section {
        let headerLine: Int
        let rows: [TextLines.Line]

        /// Where to point when the section is too short: its last line, or its header when empty.
        var lastLine: Int { rows.last?.number ?? headerLine }
    }

    let text: TextLines
    private var entries: [String: Entry] = [:]
    private var sections: [String: Section] = [:]

    /// Scans `text`; O(length of text).
    init(_ text: TextLines) throws(BenchmarkFormatError) {
        self.text = text
        var open: (name: String, header: Int, rows: [TextLines.Line])?
        func close() {
            if let section = open {
                sections[section.name] = Section(headerLine: section.header, rows: section.rows)
            }
            open = nil
        }
        for line in text.lines {
            let first = line.fields[0]
            guard let initial = first.first, initial.isLetter else {
                guard open != nil else {
                    throw text.error(line.number, .unexpectedLine(
                        expected: "a 'KEYWORD : value' line or a *_SECTION header", found: String(line.text)))
                }
                open?.rows.append(line)
                continue
            }
            close()
            let content = line.text
            if content.uppercased() == "EOF" {
                break
            }
            let keyword = content.prefix { $0 != ":" && !$0.isWhitespace }.uppercased()
            if keyword.hasSuffix("_SECTION") {
                open = (keyword, line.number, [])
            } else if let colon = content.firstIndex(of: ":") {
                let value = TextLines.trimmed(content[content.index(after: colon)...])
                entries[keyword] = Entry(value: String(value), line: line.number)
            } else {
                throw text.error(line.number, .unexpectedLine(
                    expected: "'KEYWORD : value', a *_SECTION header or EOF", found: String(line.text)))
            }
        }
        close()
        if entries.isEmpty && sections.isEmpty {
            throw text.error(nil, .empty)
        }
    }

    /// The value of a specification keyword, if present.
    func entry(_ keyword: String) -> Entry? {
        entries[keyword]
    }

    /// The value of a mandatory keyword.
    func required(_ keyword: String) throws(BenchmarkFormatError) -> Entry {
        guard let entry = entries[keyword] else {
            throw text.error(nil, .missingKeyword(keyword))
        }
        return entry
    }

    /// An integer keyword value, nil when absent.
    func integer(_ keyword: String) throws(BenchmarkFormatError) -> Int? {
        guard let entry = entries[keyword] else {
            return nil
        }
        return try text.integer(Substring(entry.value), field: keyword, line: entry.line)
    }

    /// A number keyword value, nil when absent.
    func number(_ keyword: String) throws(BenchmarkFormatError) -> Double? {
        guard let entry = entries[keyword] else {
            return nil
        }
        return try text.number(Substring(entry.value), field: keyword, line: entry.line)
    }

    /// A data section, if present.
    func section(_ name: String) -> Section? {
        sections[name]
    }

    /// A mandatory data section.
    func requiredSection(_ name: String) throws(BenchmarkFormatError) -> Section {
        guard let section = sections[name] else {
            throw text.error(nil, .missingSection(name))
        }
        return section
    }

    /// One row per node `1...dimension` of `id v1 … vk`, returned by node index (id − 1); O(dimension · k).
    ///
    /// `columns` names the values after the id, for messages. With `integral`, every value must be a whole
    /// number (demands), so callers may convert with `Int(_:)`.
    func nodeRows(
        _ name: String, columns: [String], dimension: Int, integral: Bool = false
    ) throws(BenchmarkFormatError) -> [[Double]] {
        let values = columns.count
        let labels = (["id"] + columns).joined(separator: " ")
        let section = try requiredSection(name)
        var result = [[Double]?](repeating: nil, count: dimension)
        for row in section.rows {
            guard row.fields.count == values + 1 else {
                throw text.error(row.number, .wrongFieldCount(
                    context: "\(name) (\(labels))", expected: values + 1, found: row.fields.count))
            }
            let id = try text.integer(row.fields[0], field: "node id in \(name)", line: row.number)
            guard (1...dimension).contains(id), result[id - 1] == nil else {
                throw text.error(row.number, .badNodeNumber(context: name, number: id, validRange: 1...dimension))
            }
            var numbers: [Double] = []
            for (field, column) in zip(row.fields.dropFirst(), columns) {
                let label = (integral ? "integer " : "") + "\(column) in \(name)"
                let value = try text.number(field, field: label, line: row.number)
                guard !integral || Int(exactly: value) != nil else {
                    throw text.error(row.number, .notANumber(field: label, text: String(field)))
                }
                numbers.append(value)
            }
            result[id - 1] = numbers
        }
        let complete = result.compactMap { $0 }
        guard complete.count == dimension else {
            throw text.error(section.lastLine, .truncatedSection(name, expected: dimension, found: complete.count))
        }
        return complete
    }
}
