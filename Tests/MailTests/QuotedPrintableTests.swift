import Testing

@testable import Mail

@Suite struct QuotedPrintableTests {
    private func encoded(_ text: String) -> String {
        String(decoding: QuotedPrintable.encode(text), as: UTF8.self)
    }

    @Test func encodesNonASCIIEqualsAndTrailingWhitespace() {
        #expect(encoded("Élan = 2 €  \nfin\t") == "=C3=89lan =3D 2 =E2=82=AC =20\r\nfin=09")
    }

    @Test func normalisesEveryLineBreakConventionToCRLF() {
        #expect(encoded("a\nb\r\nc\rd\n") == "a\r\nb\r\nc\r\nd\r\n")
    }

    @Test func softBreaksLongLinesAt76WithoutSplittingAnEscape() {
        let line = String(repeating: "é", count: 100) + String(repeating: "x", count: 200)
        let output = encoded(line)
        let lines = output.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        // A soft break never falls inside "=XX": every line is a whole sequence of tokens.
        for physical in lines {
            let body = physical.hasSuffix("=") ? String(physical.dropLast()) : physical
            var index = body.startIndex
            while index < body.endIndex {
                if body[index] == "=" {
                    #expect(body.distance(from: index, to: body.endIndex) >= 3)
                    index = body.index(index, offsetBy: 3, limitedBy: body.endIndex) ?? body.endIndex
                } else {
                    index = body.index(after: index)
                }
            }
        }
        #expect(output.replacingOccurrences(of: "=\r\n", with: "").count == 100 * 6 + 200)
    }

    @Test func aLineOfExactly76CharactersNeedsNoSoftBreak() {
        let line = String(repeating: "a", count: 76)
        #expect(encoded(line) == line)
        #expect(encoded(line + "b") == String(repeating: "a", count: 75) + "=\r\nab")
    }
}
