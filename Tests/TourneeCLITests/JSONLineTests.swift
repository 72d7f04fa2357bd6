import Testing

@testable import TourneeCLI

struct JSONLineTests {
    @Test func membersKeepTheirOrderOnOneLine() {
        var line = JSONLine()
        line.append("z", .string("a \"b\"\n"))
        line.append("a", .number(1.005, decimals: 1))
        line.append("m", .null)
        line.append("b", .bool(false))
        #expect(line.text == #"{"z": "a \"b\"\n", "a": 1.0, "m": null, "b": false}"#)
    }
}
