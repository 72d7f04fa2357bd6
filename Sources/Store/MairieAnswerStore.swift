import CivilTime

/// The mairies' answers, in arrival order.
public struct MairieAnswerStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// Keeps an answer; returns it with its row id. A second one under the same form key fails
    /// on the UNIQUE constraint (the caller looks for it first).
    @discardableResult
    public func keep(_ answer: MairieAnswer) throws -> MairieAnswer {
        try database.execute(
            """
            INSERT INTO mairie_answers (form_key, event_id, address, answer, dates, comment, outcome, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                answer.formKey, answer.eventID, answer.address, answer.choice.rawValue,
                answer.dates.map(\.description).joined(separator: ","),
                answer.comment, answer.outcome.rawValue, answer.at,
            ])
        var kept = answer
        kept.id = database.lastInsertRowID
        return kept
    }

    /// The answer sent with form key `key`, nil when none was.
    public func find(formKey key: String) throws -> MairieAnswer? {
        try database.queryOne("SELECT \(Self.columns) FROM mairie_answers WHERE form_key = ?", [key], row: Self.answer)
    }

    /// The answers about evening `eventID`, oldest first.
    public func answers(eventID: String) throws -> [MairieAnswer] {
        try database.query("SELECT \(Self.columns) FROM mairie_answers WHERE event_id = ? ORDER BY id", [eventID], row: Self.answer)
    }

    /// Every answer, or those of season `seasonID`, oldest first. O(answers).
    public func all(seasonID: String? = nil) throws -> [MairieAnswer] {
        try database.query(
            """
            SELECT \(Self.columns.split(separator: ",").map { "a." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
            FROM mairie_answers a JOIN events e ON e.id = a.event_id
            WHERE ?1 IS NULL OR e.season_id = ?1 ORDER BY a.id
            """, [seasonID], row: Self.answer)
    }

    static let columns = "id, form_key, event_id, address, answer, dates, comment, outcome, at"

    static func answer(_ statement: Statement) throws(StoreError) -> MairieAnswer {
        let row = StoredRow(statement, table: "mairie_answers", idColumn: 0)
        var dates: [CivilDate] = []
        for text in statement.text(5).split(separator: ",") {
            guard let date = CivilDate(iso: String(text)) else { throw row.fault(5, "dates", .date) }
            dates.append(date)
        }
        return MairieAnswer(
            id: statement.int64(0), formKey: statement.text(1), eventID: statement.text(2), address: statement.text(3),
            choice: try row.choice(MairieAnswer.Choice.self, 4, "answer"), dates: dates, comment: statement.text(6),
            outcome: try row.choice(MairieAnswer.Outcome.self, 7, "outcome"), at: statement.int64(8))
    }
}
