import Testing

@testable import Mail

@Suite struct SMTPReplyTests {
    @Test func parsesContinuationAndLastLines() throws {
        let first = try #require(SMTPReply.parseLine("250-mail.example.fr Bonjour"))
        #expect(first.code == 250 && !first.isLast && first.text == "mail.example.fr Bonjour")
        let last = try #require(SMTPReply.parseLine("250 AUTH PLAIN LOGIN"))
        #expect(last.code == 250 && last.isLast && last.text == "AUTH PLAIN LOGIN")
        let bare = try #require(SMTPReply.parseLine("354"))
        #expect(bare.isLast && bare.text.isEmpty)
    }

    @Test(arguments: ["", "25", "abc def", "250+x", "999 x", "099 x"])
    func refusesMalformedLines(_ line: String) {
        #expect(SMTPReply.parseLine(line) == nil)
    }
}
