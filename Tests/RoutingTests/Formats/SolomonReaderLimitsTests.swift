import Testing

@testable import Routing

/// The facts of a Solomon file the solver's model would otherwise refuse without file or line, checked by the reader.
struct SolomonReaderLimitsTests {
    private let valid = [
        "TINY", "VEHICLE", "NUMBER     CAPACITY", "  2         50", "CUSTOMER",
        "CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME",
        "    0      40         50          0          0       1236          0",
        "    1      45         68         10        912        967         90",
        "    2      42.5       66         30         65        146         90",
    ]

    private func error(replacing index: Int, with line: String) -> BenchmarkFormatError? {
        var lines = valid
        lines[index] = line
        return caughtFormatError { () throws(BenchmarkFormatError) in
            try SolomonReader.parse(lines.joined(separator: "\n"), fileName: "bad.txt")
        }
    }

    @Test func aNegativeCapacityIsRefused() {
        #expect(
            error(replacing: 3, with: "  2   -50")?.description
                == "bad.txt:4: la capacité des véhicules vaut -50, attendu un entier entre 1 et 1 000 000 000")
    }

    @Test func aHugeVehicleNumberIsRefused() {
        #expect(
            error(replacing: 3, with: "  1000000000000   50")?.description
                == "bad.txt:4: le nombre de véhicules vaut 1000000000000, attendu un entier entre 1 et 10 000")
        #expect(
            error(replacing: 3, with: "  99999999999999999999   50")?.reason
                == .notANumber(field: "le nombre de véhicules", text: "99999999999999999999"))
    }

    @Test func aDueDateBeforeItsReadyTimeNamesTheCustomerAndBothValues() {
        // Used to reach the user as the solver's `jobWindows(job: 0)`.
        #expect(
            error(replacing: 7, with: "    1      45         68         10        912        900         90")?.description
                == "bad.txt:8: client 1 : fenêtre horaire qui se ferme (900) avant de s'ouvrir (912), "
                + "attendu une ouverture inférieure ou égale à la fermeture")
        #expect(
            error(replacing: 6, with: "    0      40         50          0        10          5          0")?.description
                .hasPrefix("bad.txt:7: dépôt (client 0) : fenêtre horaire qui se ferme (5) avant de s'ouvrir (10)") == true)
    }

    @Test func demandsAndServiceTimesAreChecked() {
        #expect(
            error(replacing: 8, with: "    2      42.5       66        -30         65        146         90")?.description
                == "bad.txt:9: la demande du client 2 vaut -30, attendu un entier entre 0 et 50 (la capacité)")
        #expect(error(replacing: 8, with: "    2      42.5       66         51         65        146         90")?.line == 9)
        #expect(
            error(replacing: 8, with: "    2      42.5       66         30         65        146        -90")?.description
                == "bad.txt:9: la durée de service du client 2 vaut -90, attendu un nombre positif ou nul")
    }

    @Test func hugeOrNonFiniteNumbersAreRefusedWithoutTrapping() {
        // `Int(1e300)` used to trap when the customer number was read as a double.
        #expect(
            error(replacing: 8, with: "    1e300      42.5       66         30         65        146         90")?.reason
                == .notANumber(field: "le numéro de client", text: "1e300"))
        #expect(
            error(replacing: 8, with: "    2      NaN       66         30         65        146         90")?.reason
                == .notANumber(field: "la coordonnée x", text: "NaN"))
        #expect(error(replacing: 8, with: "    2      42.5       66         30         65        1e308         90")?.line == 9)
    }
}
