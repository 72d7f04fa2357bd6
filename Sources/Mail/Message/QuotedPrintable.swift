/// Quoted-printable encoding of text (RFC 2045 §6.7): line breaks become CRLF, lines stay within 76 characters.
enum QuotedPrintable {
    private static let maximumLineLength = 76

    /// Encodes `text` as UTF-8; CR, LF and CRLF are hard line breaks, long lines get soft breaks. O(n).
    static func encode(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = HardLines.split(Array(text.utf8))
        for (index, line) in lines.enumerated() {
            if index > 0 { output += [13, 10] }
            encodeLine(line, into: &output)
        }
        return output
    }

    private static func encodeLine(_ line: ArraySlice<UInt8>, into output: inout [UInt8]) {
        var length = 0
        var position = line.startIndex
        while position < line.endIndex {
            let byte = line[position]
            let isLast = position == line.index(before: line.endIndex)
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                || ((byte == 32 || byte == 9) && !isLast)
            let token: [UInt8] = literal ? [byte] : Array(("=" + Hex.byte(byte)).utf8)
            // Room for the "=" of a soft break (rule 5) unless this token ends the line.
            let limit = isLast ? maximumLineLength : maximumLineLength - 1
            if length + token.count > limit {
                output += [UInt8(ascii: "="), 13, 10]
                length = 0
            }
            output += token
            length += token.count
            position = line.index(after: position)
        }
    }
}

/// Splitting text into lines at CRLF, lone LF or lone CR, the line-break normalisation mail needs.
enum HardLines {
    /// The lines of `bytes` without their terminators; a trailing break gives a final empty line. O(n).
    static func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 13 || byte == 10 {
                lines.append(bytes[start..<index])
                index += (byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        return lines
    }
}
