import Foundation

/// Numbers written the French way for the report: U+202F (espace fine insécable) between
/// groups of thousands, a comma before decimals, U+00A0 before a unit.
public enum FrenchNumber {
    /// `value` rounded to `decimals` places, e.g. 45 000 or 1 234,5.
    public static func format(_ value: Double, decimals: Int = 0) -> String {
        let plain = plain(value, decimals: decimals)
        let negative = plain.hasPrefix("-")
        let body = negative ? String(plain.dropFirst()) : plain
        let parts = body.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var grouped = ""
        while digits.count > 3 {
            grouped = "\u{202F}" + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        return (negative ? "-" : "") + grouped + (parts.count == 2 ? "," + parts[1] : "")
    }

    /// An integer, grouped.
    public static func format(_ value: Int) -> String { format(Double(value)) }

    /// A value followed by its unit ("45 000 €", "1 234,5 km").
    public static func with(_ value: Double, unit: String, decimals: Int = 0) -> String {
        format(value, decimals: decimals) + "\u{00A0}" + unit
    }

    /// `value` rounded to `decimals` places with a point, for CSV and JSON ("-0" becomes "0").
    public static func plain(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }
        return text
    }

    /// A factor with as many decimals as it needs (up to 3): 1,7 ; 0,27 ; 15.
    public static func factor(_ value: Double) -> String {
        var text = plain(value, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return format(Double(text) ?? value, decimals: text.split(separator: ".").dropFirst().first?.count ?? 0)
    }
}
