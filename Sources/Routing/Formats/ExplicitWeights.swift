/// The TSPLIB95 `EDGE_WEIGHT_FORMAT` layouts of an `EXPLICIT` matrix (Reinelt 1991, §1.1 and §2.1).
enum ExplicitWeights: String, CaseIterable {
    /// All n² entries, row by row.
    case fullMatrix = "FULL_MATRIX"
    /// Row i lists the entries j > i (the strict upper triangle).
    case upperRow = "UPPER_ROW"
    /// Row i lists the entries j < i (the strict lower triangle).
    case lowerRow = "LOWER_ROW"
    /// Row i lists the entries j ≥ i (upper triangle with the diagonal).
    case upperDiagonalRow = "UPPER_DIAG_ROW"
    /// Row i lists the entries j ≤ i (lower triangle with the diagonal).
    case lowerDiagonalRow = "LOWER_DIAG_ROW"

    /// The number of values the section must hold for `n` nodes.
    func valueCount(nodes n: Int) -> Int {
        switch self {
        case .fullMatrix: return n * n
        case .upperRow, .lowerRow: return n * (n - 1) / 2
        case .upperDiagonalRow, .lowerDiagonalRow: return n * (n + 1) / 2
        }
    }

    /// Reads `EDGE_WEIGHT_SECTION` (values may wrap across lines freely) into a row-major n × n matrix; O(n²).
    func matrix(from section: KeywordFile.Section, nodes n: Int, text: TextLines) throws(BenchmarkFormatError) -> [Double] {
        let expected = valueCount(nodes: n)
        // Counted before anything is reserved: the size comes from DIMENSION, the values from the file.
        var present = 0
        for row in section.rows {
            if present + row.fields.count > expected {
                throw text.error(
                    row.number,
                    .unexpectedLine(
                        expected: "\(expected) valeurs dans EDGE_WEIGHT_SECTION (\(rawValue), DIMENSION \(n)), pas plus",
                        found: String(row.text)))
            }
            present += row.fields.count
        }
        guard present == expected else {
            throw text.error(section.lastLine, .truncatedSection("EDGE_WEIGHT_SECTION", expected: expected, found: present))
        }
        var values: [Double] = []
        values.reserveCapacity(expected)
        for row in section.rows {
            for field in row.fields {
                values.append(try text.nonNegativeNumber(field, field: "distance dans EDGE_WEIGHT_SECTION", line: row.number))
            }
        }
        var matrix = [Double](repeating: 0, count: n * n)
        var next = 0
        func put(_ i: Int, _ j: Int) {
            matrix[i * n + j] = values[next]
            matrix[j * n + i] = values[next]
            next += 1
        }
        switch self {
        case .fullMatrix:
            return values
        case .upperRow:
            for i in 0..<n { for j in (i + 1)..<n { put(i, j) } }
        case .lowerRow:
            for i in 0..<n { for j in 0..<i { put(i, j) } }
        case .upperDiagonalRow:
            for i in 0..<n { for j in i..<n { put(i, j) } }
        case .lowerDiagonalRow:
            for i in 0..<n { for j in 0...i { put(i, j) } }
        }
        return matrix
    }
}
