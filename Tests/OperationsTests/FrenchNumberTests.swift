import Operations
import Testing

struct FrenchNumberTests {
    @Test(arguments: [
        (5000.0, 0, "5\u{202F}000"), (45_209.4, 0, "45\u{202F}209"), (999.0, 0, "999"), (1_234_567.891, 2, "1\u{202F}234\u{202F}567,89"),
        (0.27, 2, "0,27"), (-1234.5, 1, "-1\u{202F}234,5"), (-0.01, 1, "0,0"),
    ])
    func groupsThousandsWithANarrowNoBreakSpaceAndUsesADecimalComma(value: Double, decimals: Int, expected: String) {
        #expect(FrenchNumber.format(value, decimals: decimals) == expected)
    }

    @Test func unitsAndFactors() {
        #expect(FrenchNumber.with(45_000, unit: "€") == "45\u{202F}000\u{00A0}€")
        #expect(FrenchNumber.factor(1.7) == "1,7")
        #expect(FrenchNumber.factor(0.27) == "0,27")
        #expect(FrenchNumber.factor(15) == "15")
        #expect(FrenchNumber.plain(-0.0001, decimals: 2) == "0.00")
    }
}
