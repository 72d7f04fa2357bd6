/// The text of a `tourneed` configuration for tests: the Guinguette's sender and staff, the
/// shipped reminder policy and templates of `config/`, fast retries.
public enum DaemonConfigurationText {
    /// The configuration on `database`; `transport` holds the transport's members (`"transport":
    /// …` and what goes with it), one line each; `extra` more members (`"http": {…}`), one line each.
    public static func make(database: String, transport: [String], tickSeconds: Int = 1, maxAttempts: Int = 6, extra: [String] = [])
        -> String
    {
        let config = Repository.url("config").path
        return """
            {
              "database": "\(database)",
              \((transport + extra).map { $0 + "," }.joined(separator: "\n  "))
              "from": {"address": "tournee@guinguette.example.org", "name": "La Guinguette mobile"},
              "replyTo": [{"address": "coordination@guinguette.example.org", "name": "Coordination"}],
              "staff": [{"address": "equipe@guinguette.example.org", "name": "Équipe"}], "planners": [{"address": "planification@guinguette.example.org", "name": "Planification"}],
              "eveningContact": "Camille, 06 12 34 56 78",
              "signature": "L'équipe de la Guinguette mobile",
              "messageIDDomain": "guinguette.example.org",
              "reminders": "\(config)/reminders.json",
              "templates": "\(config)/templates",
              "tickSeconds": \(tickSeconds),
              "pollSeconds": 1,
              "retry": {"maxAttempts": \(maxAttempts), "initialSeconds": 1, "maxSeconds": 2, "jitter": 0.2, "seed": 3},
              "organiser": {"name": "Association La Guinguette mobile", "phone": "03 25 05 12 34", "address": "12 rue de la Marne, 52100 Saint-Dizier"}
            }
            """
    }
}
