import Testing

@testable import Routing

struct BenchmarkFormatErrorTests {
    @Test func descriptionPutsFileAndLineFirst() {
        let withLine = BenchmarkFormatError(
            fileName: "C101.txt", line: 12, reason: .wrongFieldCount(context: "a customer row", expected: 7, found: 6))
        #expect(withLine.description == "C101.txt:12: expected 7 fields in a customer row, found 6")
        let wholeFile = BenchmarkFormatError(fileName: "x.vrp", line: nil, reason: .missingSection("DEMAND_SECTION"))
        #expect(wholeFile.description == "x.vrp: missing section DEMAND_SECTION")
        #expect(BenchmarkFormatError(fileName: "e.tsp", line: nil, reason: .empty).description == "e.tsp: empty file")
    }
}
