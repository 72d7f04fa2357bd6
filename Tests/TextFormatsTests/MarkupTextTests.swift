import Testing
import TextFormats

struct MarkupTextTests {
    @Test(arguments: [
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"),
        ("\" onmouseover=\"alert(1)", "&quot; onmouseover=&quot;alert(1)"),
        ("Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson", "Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson"),
        ("a & b", "a &amp; b"),
        ("&amp;", "&amp;amp;"),
        ("ligne\u{1B}[31m\r\nsuite\tfin", "ligne [31m \nsuite\tfin"),
    ])
    func everyCharacterThatEndsTextOrAnAttributeIsEscaped(text: String, escaped: String) {
        #expect(MarkupText.escaped(text) == escaped)
    }
}
