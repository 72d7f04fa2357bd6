import Testing

@testable import Mail

@Suite struct ContentLineTests {
    @Test func escapesBackslashSemicolonCommaAndEveryLineBreak() {
        #expect(ContentLine.escapeText("a\\b;c,d\ne\r\nf\rg:h\"") == "a\\\\b\\;c\\,d\\ne\\nf\\ng:h\"")
    }

    @Test func foldsAt75OctetsCountingTheLeadingSpace() {
        let folded = ContentLine.fold("DESCRIPTION:" + String(repeating: "a", count: 200))
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.map { $0.utf8.count } == [75, 75, 64], "212 octets: 75, then 1 + 74, then 1 + 63")
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    }

    @Test func neverSplitsAMultiByteCharacter() {
        // 12 ASCII octets then 2-octet "é": octet 75 would fall inside the 32nd "é".
        let folded = ContentLine.fold("DESCRIPTION:" + String(repeating: "é", count: 40))
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.map { $0.utf8.count } == [74, 19], "92 octets: 12 + 31 × 2, then 1 + 9 × 2")
        #expect(lines.joined().replacingOccurrences(of: " é", with: "é") == "DESCRIPTION:" + String(repeating: "é", count: 40))
    }
}
