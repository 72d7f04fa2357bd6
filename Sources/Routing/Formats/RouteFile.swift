import Foundation

/// A solution as a list of routes, in the route-file format of CVRPLIB/VRPLIB `.sol` files and SINTEF best-known files.
///
/// Lines `Route #1: 12 5 33` (VRPLIB) or `Route 1 : 12 5 33` (SINTEF) give the customers of each route in order,
/// the depot implicit at both ends and numbered 0; a `Cost 27591` or `Cost: 27591` line gives the cost. Other lines
/// (instance name, authors, `Optimal: True`…) are metadata and ignored. Numbers follow
/// `BenchmarkInstance.routeFileNumber(ofNode:)`, the numbering `run_anchor.py --evaluate` reads.
public struct RouteFile: Equatable, Sendable {
    /// Each route's customers as numbered in the file (depot 0, not listed).
    public var routes: [[Int]]
    /// The 1-based line of each route, parallel to `routes`, for error messages.
    public var routeLines: [Int]
    /// The cost the file states, if it has a `Cost` line.
    public var cost: Double?

    /// Makes a route file from routes in route-file numbering.
    public init(routes: [[Int]], routeLines: [Int], cost: Double?) {
        self.routes = routes
        self.routeLines = routeLines
        self.cost = cost
    }

    /// Parses a `.sol` or SINTEF route file; `fileName` only labels errors. O(length of text).
    public static func parse(_ text: String, fileName: String) throws(BenchmarkFormatError) -> RouteFile {
        let lines = TextLines(text, fileName: fileName)
        var result = RouteFile(routes: [], routeLines: [], cost: nil)
        for line in lines.lines {
            let content = line.text
            if content.lowercased().hasPrefix("route") {
                result.routes.append(try customers(of: content, line: line.number, in: lines))
                result.routeLines.append(line.number)
            } else if content.lowercased().hasPrefix("cost") {
                let value = TextLines.trimmed(TextLines.trimmed(content.dropFirst(4)).drop { $0 == ":" })
                result.cost = try lines.number(value, field: "le coût", line: line.number)
            }
        }
        guard !result.routes.isEmpty else {
            throw lines.error(nil, .missingKeyword("Route"))
        }
        return result
    }

    /// `Route #k : …` or `Route k : …` → the customer numbers after the colon.
    private static func customers(of text: Substring, line: Int, in lines: TextLines) throws(BenchmarkFormatError) -> [Int] {
        let shape = "« Route #k: client client … »"
        guard let colon = text.firstIndex(of: ":") else {
            throw lines.error(line, .unexpectedLine(expected: shape, found: String(text)))
        }
        let label = TextLines.trimmed(text[text.index(text.startIndex, offsetBy: 5)..<colon])
        let routeNumber = label.hasPrefix("#") ? TextLines.trimmed(label.dropFirst()) : label
        guard !routeNumber.isEmpty, routeNumber.allSatisfy(\.isWholeNumber) else {
            throw lines.error(line, .unexpectedLine(expected: shape, found: String(text)))
        }
        var customers: [Int] = []
        for field in text[text.index(after: colon)...].split(whereSeparator: \.isWhitespace) {
            guard let number = Int(field), number >= 0 else {
                throw lines.error(line, .notANumber(field: "le numéro de client", text: String(field)))
            }
            customers.append(number)
        }
        return customers
    }

    /// The routes as node indices of `instance`, each number checked to be a customer (1..<nodeCount); O(total length).
    public func nodeRoutes(in instance: BenchmarkInstance, fileName: String) throws(BenchmarkFormatError) -> [[Int]] {
        var result: [[Int]] = []
        for (route, line) in zip(routes, routeLines) {
            var nodes: [Int] = []
            for number in route {
                guard number >= 1, let node = instance.node(forRouteFileNumber: number) else {
                    throw BenchmarkFormatError(
                        fileName: fileName, line: line,
                        reason: .badNodeNumber(
                            context: "une route de \(instance.name)", number: number,
                            validRange: 1...max(1, instance.nodeCount - 1)))
                }
                nodes.append(node)
            }
            result.append(nodes)
        }
        return result
    }

    /// Writes routes given as node indices (depot excluded) as `Route #k: …` lines, then `Cost …` when given; O(total length).
    ///
    /// Empty routes are left out and the rest numbered from 1; the cost is printed with the convention's decimals.
    public static func format(routes: [[Int]], of instance: BenchmarkInstance, cost: Double?) -> String {
        var text = ""
        var number = 0
        for route in routes where !route.isEmpty {
            number += 1
            let customers = route.map { String(instance.routeFileNumber(ofNode: $0)) }.joined(separator: " ")
            text += "Route #\(number): \(customers)\n"
        }
        if let cost {
            let decimals = instance.convention.reportedDecimals
            text += "Cost " + String(format: "%.\(decimals)f", instance.convention.reportedCost(cost)) + "\n"
        }
        return text
    }
}
