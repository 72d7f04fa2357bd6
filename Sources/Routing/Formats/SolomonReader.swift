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
        guard let fleetLine = cursor.next() else {
            throw lines.error(vehicleHeader, .unexpectedLine(expected: "the vehicle number and capacity", found: ""))
        }
        guard fleetLine.fields.count == 2 else {
            throw lines.error(fleetLine.number, .wrongFieldCount(
                context: "the vehicle line (number capacity)", expected: 2, found: fleetLine.fields.count))
        }
        let vehicleLimit = try lines.integer(fleetLine.fields[0], field: "vehicle number", line: fleetLine.number)
        let capacity = try lines.integer(fleetLine.fields[1], field: "vehicle capacity", line: fleetLine.number)
        try expectHeading("CUSTOMER", cursor.next(), after: fleetLine, in: lines)
        let customerHeader = try expectColumns(["CUST", "XCOORD", "DEMAND"], cursor.next(), after: fleetLine, in: lines)

        var coordinates: [BenchmarkInstance.Point] = []
        var demands: [Int] = []
        var windows: [BenchmarkInstance.TimeWindow] = []
        var services: [Double] = []
        while let row = cursor.next() {
            guard row.fields.count == 7 else {
                throw lines.error(row.number, .wrongFieldCount(
                    context: "a customer row (number x y demand ready due service)", expected: 7, found: row.fields.count))
            }
            var values: [Double] = []
            for (field, label) in zip(row.fields, columnLabels) {
                values.append(try lines.number(field, field: label, line: row.number))
            }
            guard values[0] == Double(coordinates.count) else {
                throw lines.error(row.number, .badNodeNumber(
                    context: "the customer rows (numbered 0, 1, 2… in order)", number: Int(values[0]),
                    validRange: coordinates.count...coordinates.count))
            }
            guard let demand = Int(exactly: values[3]) else {
                throw lines.error(row.number, .notANumber(field: "integer demand", text: String(row.fields[3])))
            }
            coordinates.append(BenchmarkInstance.Point(x: values[1], y: values[2]))
            demands.append(demand)
            windows.append(BenchmarkInstance.TimeWindow(earliest: values[4], latest: values[5]))
            services.append(values[6])
        }
        guard coordinates.count >= 2 else {
            throw lines.error(customerHeader, .truncatedSection("CUSTOMER", expected: 2, found: coordinates.count))
        }
        return BenchmarkInstance(
            name: String(title.fields[0]), kind: .vrptw, convention: .realEuclidean, coordinates: coordinates,
            explicitDistances: nil, depotIndex: 0, demands: demands, capacity: capacity, vehicleLimit: vehicleLimit,
            serviceTimes: services, timeWindows: windows, nodeCount: coordinates.count)
    }

    private static let columnLabels = [
        "customer number", "x coordinate", "y coordinate", "demand", "ready time", "due date", "service time",
    ]

    private static func expectHeading(
        _ word: String, _ line: TextLines.Line?, after previous: TextLines.Line, in lines: TextLines
    ) throws(BenchmarkFormatError) {
        guard let line else {
            throw lines.error(previous.number, .unexpectedLine(expected: "a line '\(word)' after this one", found: ""))
        }
        guard line.fields.count == 1, line.fields[0].uppercased() == word else {
            throw lines.error(line.number, .unexpectedLine(
                expected: "'\(word)'", found: String(line.text)))
        }
    }

    /// Checks a column-title line by the words it must start with (titles vary: `CUST NO.`, `SERVICE   TIME`…).
    private static func expectColumns(
        _ words: [String], _ line: TextLines.Line?, after previous: TextLines.Line, in lines: TextLines
    ) throws(BenchmarkFormatError) -> Int {
        let expected = "a column header starting " + words.joined(separator: " ")
        guard let line else {
            throw lines.error(previous.number, .unexpectedLine(expected: expected + " after this line", found: ""))
        }
        let found = line.fields.map { $0.uppercased() }
        let matches = words.allSatisfy { word in found.contains { $0.hasPrefix(word) } }
        guard matches, found.first?.hasPrefix(words[0]) == true else {
            throw lines.error(line.number, .unexpectedLine(expected: expected, found: String(line.text)))
        }
        return line.number
    }
}
