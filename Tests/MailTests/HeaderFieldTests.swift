import Testing

@testable import Mail

@Suite struct HeaderFieldTests {
    @Test func foldsBeforeATokenThatWouldPassColumn78AndUnfoldsToTheValue() {
        let words = (1...40).map { "mot\($0)" }
        let rendered = HeaderField(name: "Subject", unstructured: words.joined(separator: " ")).render()
        let lines = rendered.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(rendered.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + words.joined(separator: " "))
    }

    @Test func encodesValuesThatPlainFoldingWouldAlter() {
        for value in ["deux  espaces", "tab\there", "=?UTF-8?Q?x?=", "été", String(repeating: "x", count: 80)] {
            let rendered = HeaderField(name: "Subject", unstructured: value).render()
            #expect(rendered.hasPrefix("Subject: =?UTF-8?Q?"), "\(value)")
            #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        }
    }

    @Test func neverFoldsRightAfterTheColon() {
        let rendered = HeaderField(name: "X-Long", tokens: [String(repeating: "a", count: 90), "b"]).render()
        #expect(rendered == "X-Long: " + String(repeating: "a", count: 90) + "\r\n b\r\n")
        #expect(HeaderField(name: "Subject", unstructured: "").render() == "Subject:\r\n")
    }
}
