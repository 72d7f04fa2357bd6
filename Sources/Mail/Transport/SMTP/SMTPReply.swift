/// A complete SMTP reply, possibly multi-line (`250-…` then `250 …`, RFC 5321 §4.2.1).
struct SMTPReply: Hashable, Sendable, CustomStringConvertible {
    /// The three-digit code.
    let code: Int
    /// The text of each line, without code and separator.
    let lines: [String]

    /// Whether the code is 2yz (RFC 5321 §4.2.1).
    var isPositive: Bool { (200..<300).contains(code) }

    /// `code text` with the lines joined by ` / `, for errors and reports.
    var description: String { "\(code) " + lines.joined(separator: " / ") }

    /// Parses one reply line into code, whether it is the last line, and text; nil if malformed.
    static func parseLine(_ line: String) -> (code: Int, isLast: Bool, text: String)? {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count >= 3, scalars[0...2].allSatisfy({ ("0"..."9").contains($0) }),
            let code = Int(String(String.UnicodeScalarView(scalars[0...2]))), (200..<600).contains(code)
        else { return nil }
        if scalars.count == 3 { return (code, true, "") }
        guard scalars[3] == " " || scalars[3] == "-" else { return nil }
        return (code, scalars[3] == " ", String(String.UnicodeScalarView(scalars[4...])))
    }
}
