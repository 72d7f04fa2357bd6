import CivilTime

// Tests write dates and times as literals ("2027-05-15", "18:30"); a malformed literal is a
// mistake in the test itself, so it stops the test run at once.

extension CivilDate: ExpressibleByStringLiteral {
    /// The date written `YYYY-MM-DD` in a test.
    public init(stringLiteral text: String) {
        guard let date = CivilDate(iso: text) else { fatalError("test literal \(text) is not a date") }
        self = date
    }
}

extension LocalTime: ExpressibleByStringLiteral {
    /// The time written `HH:MM` in a test.
    public init(stringLiteral text: String) {
        guard let time = LocalTime(text: text) else { fatalError("test literal \(text) is not a time") }
        self = time
    }
}
