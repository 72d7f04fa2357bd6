import Testing
import TextFormats

/// What a data file may write as a number: decimal notation only, and finite.
struct DecimalNumberTests {
    @Test(arguments: [("12", 12.0), ("-3.5", -3.5), ("+0.25", 0.25), (".5", 0.5), ("7.", 7.0), ("1e-3", 0.001), ("2E+2", 200.0)])
    func readsDecimalNotation(text: String, value: Double) {
        #expect(DecimalNumber.value(text) == value)
    }

    /// Each of these `Double(String)` reads (hexadecimal, infinity, nan) or rounds to infinity.
    @Test(arguments: ["0x10", "0x1p4", "inf", "-Infinity", "nan", "1e400", "", "-", ".", "1e", "1e+", " 1", "1 ", "1,5", "١٢"])
    func refusesWhatIsNotAFiniteDecimal(text: String) {
        #expect(DecimalNumber.value(text) == nil)
    }
}
