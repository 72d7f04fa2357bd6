import Testing

@testable import Mail

@Suite struct SMTPDataTests {
    private func encoded(_ text: String) throws -> String {
        String(decoding: try SMTPData.encode(Array(text.utf8)).get(), as: UTF8.self)
    }

    @Test func stuffsLeadingDotsNormalisesLineEndsAndTerminates() throws {
        #expect(try encoded("a\n.b\r..c\r\n.\r\n") == "a\r\n..b\r\n...c\r\n..\r\n.\r\n")
        #expect(try encoded("sans fin") == "sans fin\r\n.\r\n")
    }

    @Test func refusesALineOver998Octets() throws {
        #expect(throws: SMTPData.LineTooLong.self) { try SMTPData.encode(Array(("a\r\n" + String(repeating: "x", count: 999)).utf8)).get() }
        #expect(try encoded(String(repeating: "x", count: 998)).utf8.count == 998 + 5)
    }
}
