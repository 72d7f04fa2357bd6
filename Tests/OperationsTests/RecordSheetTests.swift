import Operations
import Store
import Testing

struct RecordSheetTests {
    @Test(arguments: [
        ("12", 1200), ("12,5", 1250), ("12.05", 1205), ("1 234,50", 123_450), ("1\u{202F}234", 123_400), ("0", 0), ("180 €", 18_000),
        ("12€", 1200), (" 1\u{A0}200,5 € ", 120_050),
    ])
    func eurosBecomeCents(text: String, cents: Int) throws {
        #expect(try RecordFields.euros(text, "sales_eur") == cents)
    }

    @Test(arguments: ["-3", "12,345", "1.2.3", "douze", "€", "12 € 50", "€12", ",5"])
    func badEurosAreRefusedWithTheKey(text: String) {
        #expect(throws: RecordFieldError.self) { try RecordFields.euros(text, "sales_eur") }
    }

    @Test(arguments: [("1200", 1200), ("1 200", 1200), ("1\u{202F}200", 1200), (" 45 ", 45), ("0", 0)])
    func countsAcceptFrenchThousandsSpaces(text: String, count: Int) throws {
        #expect(try RecordFields.count(text, "attendance") == count)
    }

    @Test(arguments: ["-3", "+3", "1,5", "1.200", "douze", "１２", "1_000", "2000000"])
    func badCountsAreRefused(text: String) {
        #expect(throws: RecordFieldError.self) { try RecordFields.count(text, "attendance") }
    }

    @Test func partnersSplitOnTheLastColonAndAcceptFrenchKinds() throws {
        #expect(try RecordFields.partner("Café: le retour:producteur") == PartnerReference(name: "Café: le retour", kind: .producer))
        #expect(try RecordFields.partner(" Pizza Mobile : Food-Truck ") == PartnerReference(name: "Pizza Mobile", kind: .foodTruck))
        #expect(
            throws: RecordFieldError(
                key: "partners",
                message:
                    "type de partenaire inconnu « plombier » pour « Bob » ; types : association, producteur, artiste, food-truck, autre")
        ) {
            try RecordFields.partner("Bob:plombier")
        }
        #expect(RecordFields.list(" a | | b |") == ["a", "b"])
    }

    @Test func sheetRowsKeepTheirLinesAcrossQuotedLineBreaks() throws {
        let text = "event,attendance,notes\r\ne1,10,\"deux\r\nlignes\"\r\ne2,20,\r\n"
        let sheet = try RecordSheet.parse(text, file: "f.csv")
        #expect(sheet.entries.map(\.eventID) == ["e1", "e2"])
        #expect(sheet.lines == [2, 4])
        #expect(sheet.entries[0].values.notes == "deux\r\nlignes")
    }

    /// A sheet whose notes hold a line break and then a stray quote used to be refused at line 3,
    /// the second line of the record, where nothing starts.
    @Test func aRefusalInARecordSpanningTwoLinesNamesTheLineItStartsOn() throws {
        let text = "event,attendance,notes\r\ne1,10,\"deux\r\nlignes\" bis\r\ne2,20,\r\n"
        let error = try #require(throws: RecordsError.self) { try RecordSheet.parse(text, file: "f.csv") }
        #expect(error.problems.map(\.line) == [2])
        #expect(
            error.description
                == "f.csv:2: texte après un guillemet fermant : un séparateur ou une fin de ligne était attendu (à la ligne 3 ; l'enregistrement commence ligne 2 et un champ entre guillemets y passe à la ligne)"
        )
    }

    @Test func missingRequiredColumnsAreNamed() {
        #expect(throws: RecordsError([.init(file: "f.csv", line: 1, key: "attendance", message: "colonne obligatoire absente")])) {
            try RecordSheet.parse("event,notes\ne1,x\n", file: "f.csv")
        }
    }
}
