/// The characters refused in a one-line text a person wrote (a name, an address, a note) that
/// may end up in a mail header or a calendar line, where a line break would start a new header
/// (`Bcc:` …) or property, and other control characters are refused by the daemon later.
public enum ControlCharacters {
    /// Whether `scalar` is refused: U+0000–U+001F (tab, CR and LF included), U+007F–U+009F
    /// (DEL and the C1 controls, NEL among them) and the Unicode line and paragraph separators.
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The first refused character of `text`, or nil when it has none. O(length).
    public static func first(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: isRefused)
    }

    /// `U+000D`: how a character is named in messages, since it cannot be shown.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with each refused character written as its code point in angle brackets
    /// (`<U+000D>`), so a message can quote what was found without breaking its own line.
    public static func visible(_ text: String) -> String {
        guard first(in: text) != nil else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isRefused(scalar) { shown += "<" + codePoint(scalar) + ">" } else { shown.unicodeScalars.append(scalar) }
        }
        return shown
    }

    /// The French explanation of a refused character, naming it.
    public static func message(_ scalar: Unicode.Scalar) -> String {
        let name: String =
            switch scalar.value {
            case 0x0D: " (retour chariot)"
            case 0x0A: " (saut de ligne)"
            case 0x09: " (tabulation)"
            case 0x2028, 0x2029: " (séparateur de ligne)"
            default: ""
            }
        return
            "caractère de contrôle \(codePoint(scalar))\(name) trouvé ; un texte sur une seule ligne est attendu (il peut finir dans un en-tête de courriel ou une ligne de calendrier)"
    }
}
