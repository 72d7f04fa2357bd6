import TextFormats

/// The best-known values of the shipped benchmarks (`bench/bks.csv`): instance → vehicles, cost, objective, convention.
public struct BKSTable: Sendable {
    /// What the best-known value minimises.
    public enum Objective: String, Sendable {
        /// Total distance (tour length for a TSP); vehicles free within the fleet.
        case distance
        /// Vehicles first, then distance (the Solomon / SINTEF convention).
        case vehiclesThenDistance
    }

    /// One row of the table.
    public struct Entry: Equatable, Sendable {
        /// The instance name, exactly as its file's NAME or title line (case matters: `c1_10_1` ≠ `C1_10_1`).
        public let instance: String
        /// The instance file, relative to the bench folder.
        public let file: String
        /// The problem class.
        public let kind: BenchmarkInstance.Kind
        /// Number of vehicles (routes) of the best-known solution.
        public let vehicles: Int
        /// Its cost under `convention`.
        public let cost: Double
        /// What that cost minimises.
        public let objective: Objective
        /// The distance convention the cost holds under.
        public let convention: DistanceConvention
        /// `optimal`, `best known`…, as written.
        public let status: String
    }

    /// The rows in file order.
    public let entries: [Entry]
    private let byInstance: [String: Int]

    /// The row for an instance name (exact, case-sensitive match), nil when absent; O(1).
    public func entry(forInstance name: String) -> Entry? {
        byInstance[name].map { entries[$0] }
    }

    /// Parses the CSV text; columns are found by header name. O(length of text).
    public static func parse(_ text: String, fileName: String) throws(BenchmarkFormatError) -> BKSTable {
        let table: CSVTable
        do {
            table = try CSVTable(text: text)
        } catch {
            throw error.reason == .empty
                ? BenchmarkFormatError(fileName: fileName, line: nil, reason: .empty)
                : BenchmarkFormatError(fileName: fileName, line: error.line, reason: .badCSVQuoting(error.message))
        }
        let columns = try Columns(table.header, fileName: fileName)
        var entries: [Entry] = []
        var byInstance: [String: Int] = [:]
        for record in table.rows {
            let entry = try readEntry(record, columns: columns, fileName: fileName, after: byInstance)
            byInstance[entry.instance] = entries.count
            entries.append(entry)
        }
        return BKSTable(entries: entries, byInstance: byInstance)
    }

    /// Where each column the table needs stands in the header.
    private struct Columns {
        let count: Int
        let instance: Int
        let file: Int
        let problem: Int
        let vehicles: Int
        let cost: Int
        let objective: Int
        let convention: Int
        let status: Int

        init(_ header: [String], fileName: String) throws(BenchmarkFormatError) {
            func column(_ name: String) throws(BenchmarkFormatError) -> Int {
                guard let index = header.firstIndex(of: name) else {
                    throw BenchmarkFormatError(fileName: fileName, line: 1, reason: .missingColumn(name))
                }
                return index
            }
            count = header.count
            instance = try column("instance")
            file = try column("file")
            problem = try column("problem")
            vehicles = try column("bks_vehicles")
            cost = try column("bks_cost")
            objective = try column("objective")
            convention = try column("convention")
            status = try column("status")
        }
    }

    /// One row: the vehicles and cost within bounds, a known problem class, an instance not among
    /// those `read` so far, a known objective and convention.
    private static func readEntry(
        _ record: CSVTable.Row, columns: Columns, fileName: String, after read: [String: Int]
    ) throws(BenchmarkFormatError) -> Entry {
        func fail(_ reason: BenchmarkFormatError.Reason) -> BenchmarkFormatError {
            BenchmarkFormatError(fileName: fileName, line: record.line, reason: reason)
        }
        let fields = record.fields
        guard fields.count == columns.count else {
            throw fail(.wrongFieldCount(context: "une ligne", expected: columns.count, found: fields.count))
        }
        guard let vehicleCount = Int(fields[columns.vehicles]) else {
            throw fail(.notANumber(field: "bks_vehicles", text: fields[columns.vehicles]))
        }
        guard (1...BenchmarkLimits.maximumVehicles).contains(vehicleCount) else {
            throw fail(
                .valueOutOfRange(
                    field: "bks_vehicles", found: fields[columns.vehicles],
                    expected: TextLines.describe(1...BenchmarkLimits.maximumVehicles)))
        }
        guard let value = DecimalNumber.value(fields[columns.cost]) else {
            throw fail(.notANumber(field: "bks_cost", text: fields[columns.cost]))
        }
        guard value >= 0 else {
            throw fail(.valueOutOfRange(field: "bks_cost", found: fields[columns.cost], expected: "un nombre positif ou nul"))
        }
        guard let kind = BenchmarkInstance.Kind(rawValue: fields[columns.problem].lowercased()) else {
            throw fail(.unsupportedValue(keyword: "problem", value: fields[columns.problem], expected: ["TSP", "CVRP", "VRPTW"]))
        }
        guard read[fields[columns.instance]] == nil else {
            throw fail(.unexpectedLine(expected: "une ligne par instance", found: "une deuxième ligne pour \(fields[columns.instance])"))
        }
        return Entry(
            instance: fields[columns.instance], file: fields[columns.file], kind: kind, vehicles: vehicleCount, cost: value,
            objective: try parseObjective(fields[columns.objective], fail: fail),
            convention: try parseConvention(fields[columns.convention], fail: fail), status: fields[columns.status])
    }

    private static func parseObjective(
        _ text: String, fail: (BenchmarkFormatError.Reason) -> BenchmarkFormatError
    ) throws(BenchmarkFormatError) -> Objective {
        if text.hasPrefix("hierarchical") {
            return .vehiclesThenDistance
        }
        if text.hasPrefix("distance only") || text == "tour length" {
            return .distance
        }
        throw fail(
            .unsupportedValue(
                keyword: "objective", value: text,
                expected: ["tour length", "distance only…", "hierarchical: vehicles, then distance"]))
    }

    private static func parseConvention(
        _ text: String, fail: (BenchmarkFormatError.Reason) -> BenchmarkFormatError
    ) throws(BenchmarkFormatError) -> DistanceConvention {
        if text.hasSuffix("nint EUC_2D") {
            return .roundedEuclidean
        }
        if text == "real Euclidean" {
            return .realEuclidean
        }
        if text.hasPrefix("DIMACS") {
            return .truncatedEuclidean
        }
        throw fail(
            .unsupportedValue(
                keyword: "convention", value: text,
                expected: ["(TSPLIB) nint EUC_2D", "real Euclidean", "DIMACS: … truncated to 1 decimal"]))
    }
}
