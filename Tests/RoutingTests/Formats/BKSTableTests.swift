import TestSupport
import Testing

@testable import Routing

struct BKSTableTests {
    private let header = "instance,file,problem,bks_vehicles,bks_cost,objective,convention,status\r\n"

    private func error(_ text: String) -> BenchmarkFormatError? {
        caughtFormatError { () throws(BenchmarkFormatError) in
            try BKSTable.parse(text, fileName: "bks.csv")
        }
    }

    @Test func readsTheShippedTable() throws {
        let table = try BKSTable.parse(BenchmarkData.text("bks.csv"), fileName: "bks.csv")
        #expect(table.entries.count == 145)
        let kroA100 = try #require(table.entry(forInstance: "kroA100"))
        #expect(kroA100.kind == .tsp && kroA100.cost == 21282 && kroA100.vehicles == 1)
        #expect(kroA100.objective == .distance && kroA100.convention == .roundedEuclidean && kroA100.status == "optimal")
        let r101 = try #require(table.entry(forInstance: "R101"))
        #expect(r101.vehicles == 19 && r101.cost == 1650.80 && r101.objective == .vehiclesThenDistance)
        #expect(r101.convention == .realEuclidean && r101.file == "solomon/R101.txt")
        // Same instance, two conventions: the names differ only by case.
        #expect(table.entry(forInstance: "c1_10_1")?.cost == 42478.95)
        #expect(table.entry(forInstance: "C1_10_1")?.cost == 42444.8)
        #expect(table.entry(forInstance: "C1_10_1")?.convention == .truncatedEuclidean)
        #expect(table.entry(forInstance: "X-n101-k25")?.kind == .cvrp)
        #expect(table.entry(forInstance: "x-n101-k25") == nil)
    }

    @Test func quotedFieldsWithCommasKeepTheColumnsAligned() throws {
        let text = header + "R101,solomon/R101.txt,VRPTW,19,1650.8,\"hierarchical: vehicles, then distance\",real Euclidean,best known\r\n"
        let entry = try #require(BKSTable.parse(text, fileName: "bks.csv").entry(forInstance: "R101"))
        #expect(entry.objective == .vehiclesThenDistance && entry.status == "best known")
    }

    @Test func badRowsNameTheirLine() {
        #expect(
            error(header + "a,f,TSP,one,5,tour length,TSPLIB nint EUC_2D,optimal\r\n")
                == BenchmarkFormatError(fileName: "bks.csv", line: 2, reason: .notANumber(field: "bks_vehicles", text: "one")))
        #expect(
            error(header + "a,f,TSP,1,5,tour length\r\n")?.reason
                == .wrongFieldCount(context: "une ligne", expected: 8, found: 6))
        #expect(error(header + "a,f,TSP,1,5,tour length,manhattan,optimal\r\n")?.line == 2)
        #expect(
            error(header + "a,f,ATSP,1,5,tour length,TSPLIB nint EUC_2D,optimal\r\n")?.reason
                == .unsupportedValue(keyword: "problem", value: "ATSP", expected: ["TSP", "CVRP", "VRPTW"]))
        let row = "a,f,TSP,1,5,tour length,TSPLIB nint EUC_2D,optimal\r\n"
        #expect(error(header + row + row)?.line == 3)
        #expect(error("instance,file\r\n")?.reason == .missingColumn("problem"))
        #expect(error("")?.reason == .empty)
    }
}

/// Values of the best-known table that no best-known solution can have.
struct BKSTableLimitsTests {
    private let header = "instance,file,problem,bks_vehicles,bks_cost,objective,convention,status\n"

    private func error(_ row: String) -> BenchmarkFormatError? {
        caughtFormatError { () throws(BenchmarkFormatError) in
            try BKSTable.parse(header + row, fileName: "bks.csv")
        }
    }

    @Test func negativeOrHugeVehiclesAndNegativeCostsAreRefused() {
        #expect(
            error("a,f,TSP,-1,5,tour length,nint EUC_2D,optimal\n")?.description
                == "bks.csv:2: bks_vehicles vaut -1, attendu un entier entre 1 et 10 000")
        #expect(error("a,f,TSP,99999999999999999999,5,tour length,nint EUC_2D,optimal\n")?.line == 2)
        #expect(
            error("a,f,TSP,1,-5,tour length,nint EUC_2D,optimal\n")?.description
                == "bks.csv:2: bks_cost vaut -5, attendu un nombre positif ou nul")
    }
}
