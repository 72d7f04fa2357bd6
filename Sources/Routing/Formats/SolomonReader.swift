/// Reads Solomon (1987) VRPTW text files and the Gehring–Homberger (1999) files written in the same layout.
///
/// Layout: a title line (the name), `VEHICLE`, a `NUMBER CAPACITY` header and its two integers, `CUSTOMER`, a
/// column header, then one row per customer `number x y demand ready due service`, the depot being customer 0.
/// Distances are exact Euclidean (`.realEuclidean`), travel time equal to distance.
public enum SolomonReader {
    /// Parses the text of a Solomon or Gehring–Homberger `.txt` file; `fileName` only labels errors. O(length of text).
    public static func parse(_ text: String, fileName: String) throws(BenchmarkFormatError) -> BenchmarkInstance {
        let lines = TextLines(text, fileName: fileName)
        var cursor = lines.lines.makeIterator()
        guard let title = cursor.next() else {
            throw lines.error(nil, .empty)
        }
        try expectHeading("VEHICLE", cursor.next(), after: title, in: lines)
        let vehicleHeader = try expectColumns(["NUMBER", "CAPACITY"], cursor.next(), after: title, in: lines)
        let fleet = try readFleet(cursor.next(), after: vehicleHeader, in: lines)
        try expectHeading("CUSTOMER", cursor.next(), after: fleet.line, in: lines)
        let customerHeader = try expectColumns(["CUST", "XCOORD", "DEMAND"], cursor.next(), after: fleet.line, in: lines)

        // The rows left are the customers: counted before any array is sized, so the limit holds first.
        let customerRows = lines.lines.count - 6
        guard customerRows <= BenchmarkLimits.maximumNodes else {
            throw lines.error(
                customerHeader,
                .valueOutOfRange(
                    field: "le nombre de clients (dépôt compris)", found: String(customerRows),
                    expected: "au plus \(TextLines.grouped(BenchmarkLimits.maximumNodes))"))
        }
        var coordinates: [BenchmarkInstance.Point] = []
        var demands: [Int] = []
        var windows: [BenchmarkInstance.TimeWindow] = []
        var services: [Double] = []
        while let row = cursor.next() {
            let customer = try readCustomer(row, number: coordinates.count, capacity: fleet.capacity, in: lines)
            coordinates.append(customer.coordinate)
            demands.append(customer.demand)
            windows.append(customer.window)
            services.append(customer.service)
        }
        guard coordinates.count >= 2 else {
            throw lines.error(customerHeader, .truncatedSection("CUSTOMER", expected: 2, found: coordinates.count))
        }
        return BenchmarkInstance(
            name: String(title.fields[0]), kind: .vrptw, convention: .realEuclidean, coordinates: coordinates,
            explicitDistances: nil, depotIndex: 0, demands: demands, capacity: fleet.capacity, vehicleLimit: fleet.vehicleLimit,
            serviceTimes: services, timeWindows: windows, nodeCount: coordinates.count)
    }

    /// One customer row (the depot is customer 0).
    private struct Customer {
        let coordinate: BenchmarkInstance.Point
        let demand: Int
        let window: BenchmarkInstance.TimeWindow
        let service: Double
    }

    /// The line under `NUMBER CAPACITY`: how many vehicles, and the capacity of each.
    private static func readFleet(
        _ line: TextLines.Line?, after header: Int, in lines: TextLines
    ) throws(BenchmarkFormatError) -> (line: TextLines.Line, vehicleLimit: Int, capacity: Int) {
        guard let line else {
            throw lines.error(header, .unexpectedLine(expected: "le nombre de véhicules et leur capacité", found: ""))
        }
        guard line.fields.count == 2 else {
            throw lines.error(
                line.number,
                .wrongFieldCount(context: "la ligne des véhicules (nombre capacité)", expected: 2, found: line.fields.count))
        }
        let vehicleLimit = try lines.integer(
            line.fields[0], field: "le nombre de véhicules", line: line.number, in: 1...BenchmarkLimits.maximumVehicles)
        let capacity = try lines.integer(
            line.fields[1], field: "la capacité des véhicules", line: line.number, in: 1...BenchmarkLimits.maximumQuantity)
        return (line, vehicleLimit, capacity)
    }

    /// The row of customer `number` (rows are numbered 0, 1, 2… in order), its demand within the
    /// capacity, its window open before it closes, its service time not negative.
    private static func readCustomer(
        _ row: TextLines.Line, number expected: Int, capacity: Int, in lines: TextLines
    ) throws(BenchmarkFormatError) -> Customer {
        guard row.fields.count == 7 else {
            throw lines.error(
                row.number,
                .wrongFieldCount(
                    context: "une ligne client (numéro x y demande début fin service)", expected: 7, found: row.fields.count))
        }
        // An integer, not a double: `Int(1e300)` would trap where `Int("1e300")` is only nil.
        let number = try lines.integer(row.fields[0], field: columnLabels[0], line: row.number)
        var values: [Double] = [Double(number)]
        for (field, label) in zip(row.fields, columnLabels).dropFirst() {
            values.append(try lines.number(field, field: label, line: row.number))
        }
        guard number == expected else {
            throw lines.error(
                row.number,
                .badNodeNumber(
                    context: "les lignes clients (numérotées 0, 1, 2… dans l'ordre)", number: number, validRange: expected...expected))
        }
        let customer = number == 0 ? "dépôt (client 0)" : "client \(number)"
        guard let demand = Int(exactly: values[3]), (0...capacity).contains(demand) else {
            throw lines.error(
                row.number,
                .valueOutOfRange(
                    field: "la demande du \(customer)", found: String(row.fields[3]),
                    expected: TextLines.describe(0...capacity) + " (la capacité)"))
        }
        // The solver's model checks these too, but without the file or the line to name.
        guard values[4] <= values[5] else {
            throw lines.error(row.number, .reversedTimeWindow(node: customer, earliest: values[4], latest: values[5]))
        }
        guard values[6] >= 0 else {
            throw lines.error(
                row.number,
                .valueOutOfRange(
                    field: "la durée de service du \(customer)", found: String(row.fields[6]), expected: "un nombre positif ou nul"))
        }
        return Customer(
            coordinate: BenchmarkInstance.Point(x: values[1], y: values[2]), demand: demand,
            window: BenchmarkInstance.TimeWindow(earliest: values[4], latest: values[5]), service: values[6])
    }

    private static let columnLabels = [
        "le numéro de client", "la coordonnée x", "la coordonnée y", "la demande", "l'ouverture (READY TIME)",
        "la fermeture (DUE DATE)", "la durée de service (SERVICE TIME)",
    ]

    private static func expectHeading(
        _ word: String, _ line: TextLines.Line?, after previous: TextLines.Line, in lines: TextLines
    ) throws(BenchmarkFormatError) {
        guard let line else {
            throw lines.error(previous.number, .unexpectedLine(expected: "une ligne « \(word) » après celle-ci", found: ""))
        }
        guard line.fields.count == 1, line.fields[0].uppercased() == word else {
            throw lines.error(
                line.number,
                .unexpectedLine(
                    expected: "« \(word) »", found: String(line.text)))
        }
    }

    /// Checks a column-title line by the words it must start with (titles vary: `CUST NO.`, `SERVICE   TIME`…).
    private static func expectColumns(
        _ words: [String], _ line: TextLines.Line?, after previous: TextLines.Line, in lines: TextLines
    ) throws(BenchmarkFormatError) -> Int {
        let expected = "un en-tête de colonnes commençant par " + words.joined(separator: " ")
        guard let line else {
            throw lines.error(previous.number, .unexpectedLine(expected: expected + " après cette ligne", found: ""))
        }
        let found = line.fields.map { $0.uppercased() }
        let matches = words.allSatisfy { word in found.contains { $0.hasPrefix(word) } }
        guard matches, found.first?.hasPrefix(words[0]) == true else {
            throw lines.error(line.number, .unexpectedLine(expected: expected, found: String(line.text)))
        }
        return line.number
    }
}
