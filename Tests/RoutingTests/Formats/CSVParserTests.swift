import Testing

@testable import Routing

struct CSVParserTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVParser.records(in: text, fileName: "t.csv").map(\.fields)
    }

    private func error(_ text: String) -> BenchmarkFormatError? {
        FormatsTestSupport.formatError { () throws(BenchmarkFormatError) in
            try CSVParser.records(in: text, fileName: "t.csv")
        }
    }

    @Test func plainAndQuotedFields() throws {
        #expect(try fields("a,b,c\r\n1,2,3\r\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try fields("x,\"a, b\",\"say \"\"hi\"\"\"\n") == [["x", "a, b", "say \"hi\""]])
        #expect(try fields("\"\",,\"\"\r\n") == [["", "", ""]])
    }

    @Test func lineBreaksInsideQuotesAndRecordLines() throws {
        let records = try CSVParser.records(in: "h1,h2\r\n\"two\r\nlines\",x\r\nlast,\"y\"", fileName: "t.csv")
        #expect(records.map(\.fields) == [["h1", "h2"], ["two\r\nlines", "x"], ["last", "y"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func endingsAndEmptyLines() throws {
        #expect(try fields("a\nb") == [["a"], ["b"]])
        #expect(try fields("a\n\nb\n") == [["a"], [""], ["b"]])
        #expect(try fields("a,\n") == [["a", ""]])
        #expect(try fields("") == [])
        #expect(try fields("é,\"ü\"\n") == [["é", "ü"]])
    }

    @Test func quotingErrorsNameTheLine() {
        #expect(error("a,b\nx,y\"z\n") == BenchmarkFormatError(fileName: "t.csv", line: 2, reason: .badCSVQuoting(
            "guillemet dans un champ qui ne commence pas par un guillemet (RFC 4180 §2.5)")))
        #expect(error("\"a\"b,c\n")?.reason == .badCSVQuoting("texte après le guillemet fermant d'un champ (RFC 4180 §2.6–2.7)"))
        #expect(error("a\n\"open,\nstill open\n")?.description
            == "t.csv:2: guillemets CSV incorrects : champ entre guillemets non refermé avant la fin du fichier")
    }
}
