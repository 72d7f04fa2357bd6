/// Reads TSPLIB95 files (Reinelt 1991) and their VRPLIB extension (CVRPLIB X, DIMACS VRPTW) into a `BenchmarkInstance`.
///
/// Supported: `TYPE` TSP, CVRP, VRPTW; `EDGE_WEIGHT_TYPE` EUC_2D, CEIL_2D, ATT, GEO, EXPLICIT (FULL_MATRIX,
/// UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW, LOWER_DIAG_ROW). A VRPTW file with EUC_2D uses the DIMACS convention
/// (Euclidean truncated to one decimal), which is the one CVRPLIB's best-known values for those files follow.
public enum TSPLIBReader {
    /// Parses the text of a `.tsp` or `.vrp` file; `fileName` only labels errors. O(length of text + n²) for EXPLICIT.
    public static func parse(_ text: String, fileName: String) throws(BenchmarkFormatError) -> BenchmarkInstance {
        let lines = TextLines(text, fileName: fileName)
        let file = try KeywordFile(lines)
        let kind = try readKind(file)
        _ = try file.required("DIMENSION")
        guard let dimension = try file.integer("DIMENSION", in: 2...BenchmarkLimits.maximumNodes) else {
            throw lines.error(nil, .missingKeyword("DIMENSION"))
        }
        let convention = try readConvention(file, kind: kind)

        var coordinates: [BenchmarkInstance.Point] = []
        if convention != .explicit || file.section("NODE_COORD_SECTION") != nil {
            coordinates = try file.nodeRows("NODE_COORD_SECTION", columns: ["x", "y"], dimension: dimension)
                .map { BenchmarkInstance.Point(x: $0.values[0], y: $0.values[1]) }
        }
        var explicitDistances: [Double]?
        if convention == .explicit {
            let formatEntry = try file.required("EDGE_WEIGHT_FORMAT")
            guard let layout = ExplicitWeights(rawValue: formatEntry.value.uppercased()) else {
                throw lines.error(
                    formatEntry.line,
                    .unsupportedValue(
                        keyword: "EDGE_WEIGHT_FORMAT", value: formatEntry.value,
                        expected: ExplicitWeights.allCases.map(\.rawValue)))
            }
            explicitDistances = try layout.matrix(
                from: file.requiredSection("EDGE_WEIGHT_SECTION"), nodes: dimension, text: lines)
        }

        var instance = BenchmarkInstance(
            name: file.entry("NAME")?.value ?? fileName, kind: kind, convention: convention,
            coordinates: coordinates, explicitDistances: explicitDistances, depotIndex: 0, demands: [],
            capacity: nil, vehicleLimit: try file.integer("VEHICLES", in: 1...BenchmarkLimits.maximumVehicles), serviceTimes: [],
            timeWindows: [],
            nodeCount: dimension)
        if kind != .tsp {
            try readVehicleData(file, dimension: dimension, into: &instance)
        }
        return instance
    }

    private static func readKind(_ file: KeywordFile) throws(BenchmarkFormatError) -> BenchmarkInstance.Kind {
        let entry = try file.required("TYPE")
        switch entry.value.uppercased() {
        case "TSP": return .tsp
        case "CVRP": return .cvrp
        case "VRPTW": return .vrptw
        default:
            throw file.text.error(
                entry.line,
                .unsupportedValue(
                    keyword: "TYPE", value: entry.value, expected: ["TSP", "CVRP", "VRPTW"]))
        }
    }

    private static func readConvention(
        _ file: KeywordFile, kind: BenchmarkInstance.Kind
    ) throws(BenchmarkFormatError) -> DistanceConvention {
        let entry = try file.required("EDGE_WEIGHT_TYPE")
        switch entry.value.uppercased() {
        case "EUC_2D": return kind == .vrptw ? .truncatedEuclidean : .roundedEuclidean
        case "CEIL_2D": return .ceilEuclidean
        case "ATT": return .att
        case "GEO": return .geo
        case "EXPLICIT": return .explicit
        default:
            throw file.text.error(
                entry.line,
                .unsupportedValue(
                    keyword: "EDGE_WEIGHT_TYPE", value: entry.value,
                    expected: ["EUC_2D", "CEIL_2D", "ATT", "GEO", "EXPLICIT"]))
        }
    }

    /// Capacity, demands, the single depot and, for VRPTW, time windows and service times (VRPLIB sections).
    private static func readVehicleData(
        _ file: KeywordFile, dimension: Int, into instance: inout BenchmarkInstance
    ) throws(BenchmarkFormatError) {
        _ = try file.required("CAPACITY")
        let capacity = try file.integer("CAPACITY", in: 1...BenchmarkLimits.maximumQuantity) ?? 0
        instance.capacity = capacity
        var demands: [Int] = []
        for row in try file.nodeRows("DEMAND_SECTION", columns: ["demande"], dimension: dimension, integral: true) {
            // A demand over the capacity can never be served: say so here, with the line, not after a solve.
            guard let demand = Int(exactly: row.values[0]), (0...capacity).contains(demand) else {
                throw file.text.error(
                    row.line,
                    .valueOutOfRange(
                        field: "la demande dans DEMAND_SECTION", found: BenchmarkFormatError.format(row.values[0]),
                        expected: TextLines.describe(0...capacity) + " (CAPACITY)"))
            }
            demands.append(demand)
        }
        instance.demands = demands
        instance.depotIndex = try readDepot(file, dimension: dimension)

        guard instance.kind == .vrptw else {
            return
        }
        let windowRows = try file.nodeRows("TIME_WINDOW_SECTION", columns: ["début", "fin"], dimension: dimension)
        for (index, row) in windowRows.enumerated() where row.values[0] > row.values[1] {
            throw file.text.error(
                row.line,
                .reversedTimeWindow(
                    node: "nœud \(index + 1) de TIME_WINDOW_SECTION", earliest: row.values[0], latest: row.values[1]))
        }
        instance.timeWindows = windowRows.map { BenchmarkInstance.TimeWindow(earliest: $0.values[0], latest: $0.values[1]) }
        if file.section("SERVICE_TIME_SECTION") != nil {
            let serviceRows = try file.nodeRows("SERVICE_TIME_SECTION", columns: ["durée"], dimension: dimension)
            if let negative = serviceRows.first(where: { $0.values[0] < 0 }) {
                throw file.text.error(
                    negative.line,
                    .valueOutOfRange(
                        field: "la durée de service", found: BenchmarkFormatError.format(negative.values[0]),
                        expected: "un nombre positif ou nul"))
            }
            instance.serviceTimes = serviceRows.map { $0.values[0] }
        } else {
            // A scalar SERVICE_TIME applies to customers only: the depot has no service (VRPLIB convention).
            var service = 0.0
            if let entry = file.entry("SERVICE_TIME") {
                service = try file.text.nonNegativeNumber(Substring(entry.value), field: "SERVICE_TIME", line: entry.line)
            }
            instance.serviceTimes = (0..<dimension).map { $0 == instance.depotIndex ? 0 : service }
        }
    }

    /// `DEPOT_SECTION` lists depot ids ended by -1; only single-depot files are supported.
    private static func readDepot(_ file: KeywordFile, dimension: Int) throws(BenchmarkFormatError) -> Int {
        let section = try file.requiredSection("DEPOT_SECTION")
        var depots: [Int] = []
        for row in section.rows {
            for field in row.fields {
                let id = try file.text.integer(field, field: "numéro de dépôt dans DEPOT_SECTION", line: row.number)
                if id == -1 {
                    break
                }
                guard (1...dimension).contains(id) else {
                    throw file.text.error(
                        row.number,
                        .badNodeNumber(
                            context: "DEPOT_SECTION", number: id, validRange: 1...dimension))
                }
                depots.append(id)
            }
        }
        guard depots.count == 1 else {
            throw file.text.error(
                section.headerLine,
                .unsupportedValue(
                    keyword: "DEPOT_SECTION", value: "\(depots.count) dépôts", expected: ["un seul dépôt"]))
        }
        return depots[0] - 1
    }
}
