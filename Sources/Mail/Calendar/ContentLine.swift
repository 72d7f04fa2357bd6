/// One iCalendar content line: TEXT escaping (RFC 5545 §3.3.11) and folding at 75 octets (RFC 5545 §3.1).
enum ContentLine {
    /// The longest line in octets, CRLF excluded (RFC 5545 §3.1).
    static let octetLimit = 75

    /// Escapes backslash, semicolon, comma and every line break (as `\n`) of a TEXT value. O(n).
    static func escapeText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": output += "\\\\"
            case ";": output += "\\;"
            case ",": output += "\\,"
            case "\r": output += "\\n"
            case "\n": if !previousWasCR { output += "\\n" }
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Refuses controls other than tab and line breaks, which TEXT cannot carry (RFC 5545 §3.3.11).
    static func checkText(_ text: String, field: String) throws(CalendarError) {
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
            if isControl && scalar != "\t" && scalar != "\r" && scalar != "\n" { throw .controlCharacter(field: field) }
        }
    }

    /// `line` folded into CRLF-terminated pieces of at most 75 octets, each continuation starting with a space; never splits a UTF-8 sequence. O(n).
    static func fold(_ line: String) -> String {
        var output = ""
        output.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
        var octets = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if octets + width > octetLimit {
                output += "\r\n "
                octets = 1
            }
            output.unicodeScalars.append(scalar)
            octets += width
        }
        return output + "\r\n"
    }
}
