import Testing

@testable import Routing

struct SolomonReaderTests {
    /// A three-node file in the Solomon layout, CRLF line ends as in the shipped files.
    private let valid = [
        "TINY", "", "VEHICLE", "NUMBER     CAPACITY", "  2         50", "", "CUSTOMER",
        "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME", " ",
        "    0      40         50          0          0       1236          0   ",
        "    1      45         68         10        912        967         90   ",
        "    2      42.5       66         30         65        146         90   ",
    ]

    private func text(_ lines: [String]) -> String {
        lines.joined(separator: "\r\n") + "\r\n"
    }

    private func error(_ lines: [String]) -> BenchmarkFormatError? {
        caughtFormatError { () throws(BenchmarkFormatError) in
            try SolomonReader.parse(text(lines), fileName: "bad.txt")
        }
    }

    private func error(replacing index: Int, with line: String) -> BenchmarkFormatError? {
        var lines = valid
        lines[index] = line
        return error(lines)
    }

    @Test func readsEveryColumn() throws {
        let instance = try SolomonReader.parse(text(valid), fileName: "tiny.txt")
        #expect(instance.name == "TINY")
        #expect(instance.nodeCount == 3 && instance.vehicleLimit == 2 && instance.capacity == 50)
        #expect(instance.coordinates[2] == BenchmarkInstance.Point(x: 42.5, y: 66))
        #expect(instance.demands == [0, 10, 30])
        #expect(instance.serviceTimes == [0, 90, 90])
        #expect(instance.timeWindows[2] == BenchmarkInstance.TimeWindow(earliest: 65, latest: 146))
        #expect(instance.depotIndex == 0 && instance.explicitDistances == nil)
    }

    @Test func lineFeedEndingsReadTheSame() throws {
        let crlf = try SolomonReader.parse(text(valid), fileName: "tiny.txt")
        let lf = try SolomonReader.parse(valid.joined(separator: "\n"), fileName: "tiny.txt")
        #expect(crlf == lf)
    }

    @Test func missingVehicleSection() {
        #expect(error(replacing: 2, with: "VEHICLES")?.description == "bad.txt:3: attendu « VEHICLE », trouvé « VEHICLES »")
    }

    @Test func vehicleLineWithOneNumber() {
        #expect(
            error(replacing: 4, with: "  2")
                == BenchmarkFormatError(
                    fileName: "bad.txt", line: 5,
                    reason: .wrongFieldCount(
                        context: "la ligne des véhicules (nombre capacité)", expected: 2, found: 1)))
    }

    @Test func customerRowWithAMissingColumn() {
        let failure = error(replacing: 11, with: "    2      42         66         30         65        146")
        #expect(failure?.line == 12)
        #expect(
            failure?.reason
                == .wrongFieldCount(
                    context: "une ligne client (numéro x y demande début fin service)", expected: 7, found: 6))
    }

    @Test func nonNumericDueDate() {
        #expect(
            error(replacing: 10, with: "    1      45         68         10        912        soon         90")?.description
                == "bad.txt:11: nombre attendu pour la fermeture (DUE DATE), trouvé « soon »")
    }

    @Test func customersOutOfOrder() {
        #expect(
            error(replacing: 11, with: "    3      42         66         30         65        146         90   ")?.reason
                == .badNodeNumber(
                    context: "les lignes clients (numérotées 0, 1, 2… dans l'ordre)", number: 3, validRange: 2...2))
    }

    @Test func fileCutAfterTheHeaderOrEmpty() {
        #expect(error(Array(valid.prefix(9)))?.reason == .truncatedSection("CUSTOMER", expected: 2, found: 0))
        #expect(error(Array(valid.prefix(4)))?.line == 4)
        #expect(error([""])?.reason == .empty)
    }
}
