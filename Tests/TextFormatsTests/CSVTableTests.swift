import Testing

@testable import TextFormats

struct CSVTableTests {
    @Test func readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let text =
            "insee,name,notes\n51008,Ambrières,\"place de l'église, \"\"côté nord\"\"\"\n51144,Cheminon,\"deux\nlignes\"\n52391,Planrupt,\n"
        let table = try CSVTable(text: text)
        #expect(table.header == ["insee", "name", "notes"])
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows[0].fields[2] == "place de l'église, \"côté nord\"")
        #expect(table.rows[1].fields[2] == "deux\nlignes")
        #expect(table.rows[2].fields == ["52391", "Planrupt", ""])
    }

    @Test func readsWhatFrenchSpreadsheetsWrite() throws {
        let text = "\u{FEFF}insee;name;lat\r\n51008;Ambrières;48,63329\r\n\r\n51144;Cheminon;48,73603\r\n"
        let table = try CSVTable(text: text)
        #expect(table.separator == ";")
        #expect(table.header == ["insee", "name", "lat"])
        #expect(table.rows.map(\.fields) == [["51008", "Ambrières", "48,63329"], ["51144", "Cheminon", "48,73603"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test func lastLineWithoutNewline() throws {
        let table = try CSVTable(text: "a,b\n1,2")
        #expect(table.rows.map(\.fields) == [["1", "2"]])
    }

    @Test(arguments: [
        ("a,b\n1,\"open\n2,3\n", CSVError(line: 2, reason: .unterminatedQuote)),
        ("a,b\n1,\"x\"y\n", CSVError(line: 2, reason: .textAfterClosingQuote)),
        ("a,b\n1,2\n3,ab\"c\n", CSVError(line: 3, reason: .quoteInUnquotedField)),
        ("", CSVError(line: 1, reason: .empty)),
        ("\n\n", CSVError(line: 1, reason: .empty)),
    ])
    func reportsTheLineOfBrokenQuoting(text: String, expected: CSVError) {
        #expect(throws: expected) { try CSVTable(text: text) }
    }

    /// A fault after a quoted line break used to be reported at the fault's own line, which no
    /// record starts on (line 3 here): the record's first line is named, and the fault's line
    /// said in the message.
    @Test(arguments: [
        ("a,b\n1,\"deux\nlignes\" x\n", CSVError.Reason.textAfterClosingQuote, 3),
        ("a,b,c\n1,\"deux\nlignes\",x\"y\n", .quoteInUnquotedField, 3),
        ("a,b,c\n1,\"deux\nlignes\",\"ouvert\n2,3,4\n", .unterminatedQuote, 3),
    ])
    func aFaultInARecordSpanningLinesNamesTheLineTheRecordStartsOn(text: String, reason: CSVError.Reason, faultLine: Int) throws {
        let error = try #require(throws: CSVError.self) { try CSVTable(text: text) }
        #expect(error == CSVError(line: 2, reason: reason, faultLine: faultLine))
        #expect(error.message.hasSuffix("ligne 3 ; l'enregistrement commence ligne 2 et un champ entre guillemets y passe à la ligne)"))
    }
}
