import CivilTime

/// Reads the date lists planners write: `2027-07-14`, or a range `2027-08-09..2027-08-15`,
/// several separated by `;`, `,` or spaces.
enum DateRangeList {
    /// Parses one item; nil when it is neither a date nor an ordered range.
    static func range(_ text: some StringProtocol) -> DateRange? {
        let parts = text.components(separatedBy: "..")
        if parts.count == 1, let date = CivilDate(iso: parts[0]) { return DateRange(date, date) }
        guard parts.count == 2, let first = CivilDate(iso: parts[0]), let last = CivilDate(iso: parts[1]),
            first <= last
        else { return nil }
        return DateRange(first, last)
    }

    /// Parses a whole field; returns the ranges and the items that could not be read.
    static func ranges(in field: String) -> (ranges: [DateRange], invalid: [String]) {
        let items = field.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " })
        var ranges: [DateRange] = []
        var invalid: [String] = []
        for item in items {
            if let range = range(item) { ranges.append(range) } else { invalid.append(String(item)) }
        }
        return (ranges, invalid)
    }

    /// The expected form, for error messages.
    static let expected = "dates AAAA-MM-JJ ou plages AAAA-MM-JJ..AAAA-MM-JJ séparées par « ; »"
}
