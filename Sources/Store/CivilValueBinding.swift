import CivilTime

extension CivilDate: SQLBindable {
    /// The date as TEXT `YYYY-MM-DD`, the form the schema's CHECK accepts.
    public var sqlValue: SQLValue { .text(description) }
}

extension LocalTime: SQLBindable {
    /// The time as TEXT `HH:MM`, the form the schema's CHECK accepts.
    public var sqlValue: SQLValue { .text(description) }
}
