import Testing

@testable import Routing

struct BenchmarkFormatErrorTests {
    @Test func descriptionPutsFileAndLineFirst() {
        let withLine = BenchmarkFormatError(
            fileName: "C101.txt", line: 12, reason: .wrongFieldCount(context: "une ligne client", expected: 7, found: 6))
        #expect(withLine.description == "C101.txt:12: 7 champs attendus dans une ligne client, 6 trouvés")
        let wholeFile = BenchmarkFormatError(fileName: "x.vrp", line: nil, reason: .missingSection("DEMAND_SECTION"))
        #expect(wholeFile.description == "x.vrp: section DEMAND_SECTION absente")
        #expect(BenchmarkFormatError(fileName: "e.tsp", line: nil, reason: .empty).description == "e.tsp: fichier vide")
    }
}
