/// One header field rendered and folded at whitespace so lines stay within 78 characters (RFC 5322 §2.1.1, §2.2.3).
struct HeaderField {
    /// The recommended line length limit, CRLF excluded (RFC 5322 §2.1.1).
    static let lineLimit = 78

    let name: String
    let tokens: [String]

    /// A field whose body is the given unbreakable tokens, joined by single spaces.
    init(name: String, tokens: [String]) {
        self.name = name
        self.tokens = tokens
    }

    /// An unstructured field (RFC 5322 §3.2.5): plain folded ASCII when safe, else RFC 2047 encoded words.
    init(name: String, unstructured value: String) {
        self.name = name
        let words = value.split(separator: " ", omittingEmptySubsequences: false)
        let isPlain =
            value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !value.contains("=?")
            && words.allSatisfy { !$0.isEmpty && $0.count <= Self.lineLimit - name.count - 2 }
        if value.isEmpty {
            tokens = []
        } else if isPlain {
            tokens = words.map(String.init)
        } else {
            tokens = EncodedWord.encode(value, firstWordLength: Self.firstWordLength(forName: name), context: .text)
        }
    }

    /// The longest first encoded word that still fits on the field's first line (names are at most 50 characters).
    static func firstWordLength(forName name: String) -> Int {
        min(EncodedWord.maximumLength, lineLimit - name.count - 2)
    }

    /// `Name: tokens` with CRLF SP inserted before a token that would pass the limit; ends with CRLF. O(n).
    func render() -> String {
        var output = name + ":"
        var lineLength = output.count
        var tokensOnLine = 0
        for token in tokens {
            // Never right after the colon (parsers keep that space in the value) nor on an empty continuation line.
            if lineLength + 1 + token.count > Self.lineLimit && tokensOnLine > 0 {
                output += "\r\n"
                lineLength = 0
                tokensOnLine = 0
            }
            output += " " + token
            lineLength += 1 + token.count
            tokensOnLine += 1
        }
        return output + "\r\n"
    }
}
