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
        var sections: [String: Section] = [:]
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
                    throw text.error(
                        line.number,
                        .unexpectedLine(
                            expected: "une ligne « MOT-CLÉ : valeur » ou un en-tête *_SECTION", found: String(line.text)))
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
                // A second copy would silently replace the first: which one the author meant is unknowable.
                if let first = sections[keyword] {
                    throw text.error(line.number, .duplicate("la section \(keyword)", firstLine: first.headerLine))
                }
                open = (keyword, line.number, [])
            } else if let colon = content.firstIndex(of: ":") {
                // COMMENT may repeat (several TSPLIB files write one per line); it is never read.
                if let first = entries[keyword], keyword != "COMMENT" {
                    throw text.error(line.number, .duplicate("le mot-clé \(keyword)", firstLine: first.line))
                }
                let value = TextLines.trimmed(content[content.index(after: colon)...])
                entries[keyword] = Entry(value: String(value), line: line.number)
            } else {
                throw text.error(
                    line.number,
                    .unexpectedLine(
                        expected: "« MOT-CLÉ : valeur », un en-tête *_SECTION ou EOF", found: String(line.text)))
            }
        }
        close()
        self.sections = sections
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

    /// An integer keyword value in `range`, nil when absent.
    func integer(_ keyword: String, in range: ClosedRange<Int>) throws(BenchmarkFormatError) -> Int? {
        guard let entry = entries[keyword] else {
            return nil
        }
        return try text.integer(Substring(entry.value), field: keyword, line: entry.line, in: range)
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

    /// One node's values and the line they came from, for checks that name the line.
    struct NodeRow {
        let line: Int
        let values: [Double]
    }

    /// One row per node `1...dimension` of `id v1 … vk`, returned by node index (id − 1); O(dimension · k).
    ///
    /// `columns` names the values after the id, for messages. With `integral`, every value must be a whole
    /// number (demands), so callers may convert with `Int(_:)`. The rows present are counted before anything
    /// is sized from `dimension`, so a file cannot make the reader allocate more than it holds.
    func nodeRows(
        _ name: String, columns: [String], dimension: Int, integral: Bool = false
    ) throws(BenchmarkFormatError) -> [NodeRow] {
        let values = columns.count
        let labels = (["numéro"] + columns).joined(separator: " ")
        let section = try requiredSection(name)
        var read: [(id: Int, row: NodeRow)] = []
        for row in section.rows {
            guard row.fields.count == values + 1 else {
                throw text.error(
                    row.number,
                    .wrongFieldCount(
                        context: "\(name) (\(labels))", expected: values + 1, found: row.fields.count))
            }
            let id = try text.integer(row.fields[0], field: "numéro de nœud dans \(name)", line: row.number)
            guard (1...dimension).contains(id) else {
                throw text.error(row.number, .badNodeNumber(context: name, number: id, validRange: 1...dimension))
            }
            var numbers: [Double] = []
            for (field, column) in zip(row.fields.dropFirst(), columns) {
                let label = "\(column)" + (integral ? " (entier)" : "") + " dans \(name)"
                let value = try text.number(field, field: label, line: row.number)
                guard !integral || Int(exactly: value) != nil else {
                    throw text.error(row.number, .notANumber(field: label, text: String(field)))
                }
                numbers.append(value)
            }
            read.append((id, NodeRow(line: row.number, values: numbers)))
        }
        guard read.count >= dimension else {
            throw text.error(section.lastLine, .truncatedSection(name, expected: dimension, found: read.count))
        }
        var result = [NodeRow?](repeating: nil, count: dimension)
        for (id, row) in read {
            guard result[id - 1] == nil else {
                throw text.error(row.line, .badNodeNumber(context: name, number: id, validRange: 1...dimension))
            }
            result[id - 1] = row
        }
        return result.compactMap { $0 }
    }
}
