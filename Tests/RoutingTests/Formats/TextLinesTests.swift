import Testing

@testable import Routing

struct TextLinesTests {
    @Test func mixedLineEndingsKeepTheLineNumbersAnEditorShows() {
        let lines = TextLines("a 1\r\nb\t2\n\n  \r\nc 3\rd 4", fileName: "t")
        #expect(lines.lines.map(\.number) == [1, 2, 5, 6])
        #expect(lines.lines.map(\.fields) == [["a", "1"], ["b", "2"], ["c", "3"], ["d", "4"]])
        #expect(lines.lines[1].text == "b\t2")
    }

    @Test func trimmedDropsSurroundingWhitespaceOnly() {
        #expect(TextLines.trimmed(" \tX-n101-k25\t\r") == "X-n101-k25")
        #expect(TextLines.trimmed("a b") == "a b")
        #expect(TextLines.trimmed("   ") == "")
    }
}
