import Testing

@testable import Mail

@Suite struct MailAddressTests {
    @Test(arguments: [
        "mairie@saint-dizier.fr", "secretariat.mairie@ville-de-joinville.fr", "o'brien+tournee@example.org",
        "a@b", "x_y-z@sub.domain.example",
    ])
    func acceptsPracticalAddrSpecs(_ text: String) throws {
        #expect(try MailAddress(text).addrSpec == text)
    }

    @Test(arguments: [
        ("mairie.saint-dizier.fr", "il manque @"),
        ("@saint-dizier.fr", "partie locale vide ou de plus de 64 octets"),
        (".mairie@example.fr", "partie locale hors dot-atom"),
        ("mai..rie@example.fr", "partie locale hors dot-atom"),
        ("mai rie@example.fr", "partie locale hors dot-atom"),
        ("mairié@example.fr", "partie locale hors dot-atom"),
        ("\"quoted\"@example.fr", "partie locale hors dot-atom"),
        ("mairie@", "domaine vide ou trop long"),
        ("mairie@-example.fr", "domaine hors lettres, chiffres et tirets"),
        ("mairie@example..fr", "étiquette de domaine vide ou trop longue"),
        ("mairie@exa_mple.fr", "domaine hors lettres, chiffres et tirets"),
        ("mairie@éxample.fr", "domaine hors lettres, chiffres et tirets"),
    ])
    func refusesInvalidAddrSpecsWithAReason(_ text: String, _ reason: String) {
        #expect(throws: MessageError.invalidAddress(field: "To", address: text, reason: reason)) {
            try MailAddress(text, field: "To")
        }
    }

    @Test func refusesALocalPartOver64Octets() {
        let local = String(repeating: "a", count: 65)
        #expect(throws: MessageError.self) { try MailAddress("\(local)@example.fr") }
        #expect((try? MailAddress("\(local.dropLast())@example.fr")) != nil)
    }

    @Test(arguments: ["mairie@example.fr\r\nBcc: x@evil.example", "mairie@example.fr\n", "\rmairie@example.fr"])
    func refusesLineBreaksInTheAddressNamingTheField(_ text: String) {
        #expect(throws: MessageError.lineBreak(field: "Reply-To")) { try MailAddress(text, field: "Reply-To") }
    }

    @Test func refusesLineBreaksInTheDisplayNameNamingTheField() {
        #expect(throws: MessageError.lineBreak(field: "To (nom affiché)")) {
            try MailAddress("mairie@example.fr", displayName: "Mairie\r\nBcc: x@evil.example", field: "To")
        }
        #expect(throws: MessageError.controlCharacter(field: "adresse (nom affiché)")) {
            try MailAddress("mairie@example.fr", displayName: "Mairie\u{0}")
        }
    }

    @Test func rendersDisplayNamesAsAtomsQuotedStringsOrEncodedWords() throws {
        #expect(
            try MailAddress("a@b.fr", displayName: "Jean Dupont").headerTokens(firstWordLength: 75)
                == ["Jean", "Dupont", "<a@b.fr>"])
        #expect(
            try MailAddress("a@b.fr", displayName: "Dupont, Jean \"JD\" \\").headerTokens(firstWordLength: 75)
                == ["\"Dupont,", "Jean", "\\\"JD\\\"", "\\\\\"", "<a@b.fr>"])
        #expect(
            try MailAddress("a@b.fr", displayName: "Mairie de Montier-en-Der (Haute-Marne), É").headerTokens(firstWordLength: 75)
                == ["Mairie", "de", "Montier-en-Der", "\"(Haute-Marne),\"", "=?UTF-8?Q?=C3=89?=", "<a@b.fr>"])
        #expect(try MailAddress("a@b.fr").headerTokens(firstWordLength: 75) == ["a@b.fr"])
        #expect(try MailAddress("a@b.fr", displayName: "").displayName == nil)
    }
}
