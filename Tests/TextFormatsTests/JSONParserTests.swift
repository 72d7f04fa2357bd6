import Testing

@testable import TextFormats

struct JSONParserTests {
    @Test func recordsTheLineOfEveryValue() throws {
        let text = "{\n  \"name\": \"Été\",\n  \"tours\": [\n    {\"evenings\": 7},\n    null\n  ],\n  \"x\": -1.5e2\n}"
        let root = try JSONParser.parse(text)
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["name", "tours", "x"])
        #expect(members.map(\.line) == [2, 3, 7])
        guard case .string("Été") = members[0].value.value else {
            Issue.record("name")
            return
        }
        guard case .array(let tours) = members[1].value.value else {
            Issue.record("tours")
            return
        }
        #expect(tours.map(\.line) == [4, 5])
        guard case .number(let number, let literal) = members[2].value.value else {
            Issue.record("x")
            return
        }
        #expect(number == -150 && literal == "-1.5e2")
    }

    @Test func decodesEscapes() throws {
        let root = try JSONParser.parse(#"["a\"b\\c\/d\n\u00e9\ud83c\udf89"]"#)
        guard case .array(let items) = root.value, case .string(let text) = items[0].value else {
            Issue.record("shape")
            return
        }
        #expect(text == "a\"b\\c/d\né🎉")
    }

    @Test(arguments: [
        ("{\"a\": 1,\n\"b\": 2\n\"c\": 3}", 3, "« , » ou « } » était attendu après la valeur de « b »"),
        ("{\"a\": 1, \"a\": 2}", 1, "clé « a » en double dans le même objet"),
        ("[1, 2,]", 1, "caractère inattendu « ] » : une valeur JSON était attendue"),
        ("{\"a\": \"open\n}", 1, "caractère de contrôle ou fin de ligne dans un texte : un guillemet fermant manque-t-il ?"),
        ("{\"a\": 01}", 1, "nombre invalide : pas de zéro en tête"),
        ("{\"a\": tru}", 1, "mot inconnu : true, false ou null était attendu"),
        ("{}\n{}", 2, "texte en trop après la fin du document JSON"),
        ("", 1, "fin de fichier inattendue : une valeur était attendue"),
        ("{\"a\": [1, 2\n\n", 3, "fin de fichier dans une liste : « ] » était attendu"),
    ])
    func reportsSyntaxErrorsWithTheirLine(text: String, line: Int, message: String) {
        #expect(throws: JSONSyntaxError(line: line, message: message)) { try JSONParser.parse(text) }
    }
}
