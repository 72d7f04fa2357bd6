/// The record forms received, by key, so that one form never records twice.
public struct FormSubmissionStore {
    private let database: Database

    /// A store on `database`.
    public init(_ database: Database) { self.database = database }

    /// The form received under `key`, nil when none was.
    public func find(key: String) throws -> FormSubmission? {
        try database.queryOne("SELECT form_key, user_id, event_id, outcome, at FROM form_submissions WHERE form_key = ?", [key]) {
            statement in
            let row = StoredRow(statement, table: "form_submissions", idColumn: 0)
            return FormSubmission(
                key: statement.text(0), userID: statement.int64(1), eventID: statement.text(2),
                outcome: try row.choice(FormSubmission.Outcome.self, 3, "outcome"), at: statement.int64(4))
        }
    }

    /// Keeps a received form; a second one under the same key fails on the primary key.
    public func keep(_ submission: FormSubmission) throws {
        try database.execute(
            "INSERT INTO form_submissions (form_key, user_id, event_id, outcome, at) VALUES (?, ?, ?, ?, ?)",
            [submission.key, submission.userID, submission.eventID, submission.outcome.rawValue, submission.at])
    }
}
