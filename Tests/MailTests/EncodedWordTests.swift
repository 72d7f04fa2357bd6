import Testing

@testable import Mail

@Suite struct EncodedWordTests {
    @Test func encodesUTF8BytesAndSpacesInQ() {
        #expect(EncodedWord.encode("Fête à Wassy", firstWordLength: 75, context: .text) == ["=?UTF-8?Q?F=C3=AAte_=C3=A0_Wassy?="])
        #expect(EncodedWord.encode("a_b=c?d", firstWordLength: 75, context: .text) == ["=?UTF-8?Q?a=5Fb=3Dc=3Fd?="])
    }

    @Test func phrasesEncodeMorePunctuationThanText() {
        #expect(EncodedWord.encode("é, l'été.", firstWordLength: 75, context: .text) == ["=?UTF-8?Q?=C3=A9,_l'=C3=A9t=C3=A9.?="])
        #expect(EncodedWord.encode("é, l'été.", firstWordLength: 75, context: .phrase) == ["=?UTF-8?Q?=C3=A9=2C_l=27=C3=A9t=C3=A9=2E?="])
    }

    @Test func splitsOnlyBetweenWholeUTF8SequencesWithinTheLengths() throws {
        let words = EncodedWord.encode(String(repeating: "🎶", count: 30), firstWordLength: 30, context: .text)
        #expect(words.first?.count ?? 0 <= 30)
        #expect(words.allSatisfy { $0.count <= 75 })
        let note = "=F0=9F=8E=B6"
        var total = 0
        for word in words {
            let content = word.dropFirst("=?UTF-8?Q?".count).dropLast(2)
            #expect(content.count % note.count == 0)
            #expect(content.replacingOccurrences(of: note, with: "").isEmpty, "each word holds whole four-byte characters")
            total += content.count / note.count
        }
        #expect(total == 30)
        #expect(words.count == 1 + 6, "one in the 18-character first budget, then five per 63-character word")
    }

    @Test func emptyTextIsOneEmptyWord() {
        #expect(EncodedWord.encode("", firstWordLength: 75, context: .text) == ["=?UTF-8?Q??="])
    }
}
