/// Text made safe inside XML or HTML — an element's content or a quoted attribute: the map's
/// SVG, the report's HTML and every value `tourneed`'s pages show (commune names, comments,
/// partner names, account names) go through it.
public enum MarkupText {
    /// `text` with the five predefined entities (`&`, `<`, `>`, `"`, `'`: OWASP's rule for
    /// element content and quoted attributes); control characters, which XML 1.0 forbids,
    /// become spaces (line feeds and tabs stay). O(length).
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case let c where c.value < 0x20 && c != "\n" && c != "\t": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
