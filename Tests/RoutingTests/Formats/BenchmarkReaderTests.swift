import TestSupport
import Testing

@testable import Routing

struct BenchmarkReaderTests {
    @Test func extensionChoosesTheReader() throws {
        #expect(try BenchmarkData.instance("tsplib/eil51.tsp").kind == .tsp)
        #expect(try BenchmarkData.instance("cvrplib-x/X-n101-k25.vrp").kind == .cvrp)
        #expect(try BenchmarkData.instance("solomon/RC201.txt").kind == .vrptw)
        let upper = try BenchmarkReader.parse(TSPLIBFixtures.ulysses16, fileName: "ULYSSES16.TSP")
        #expect(upper.convention == .geo)
    }

    @Test func unknownExtensionIsRejected() {
        let failure = caughtFormatError { () throws(BenchmarkFormatError) in
            try BenchmarkReader.parse("NAME : x", fileName: "x.json")
        }
        #expect(failure?.description == "x.json: l'extension de fichier « json » non pris en charge, attendu : tsp, vrp, txt")
    }
}
