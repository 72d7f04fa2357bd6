import Testing

@testable import Operations

struct ReminderPolicyTests {
    @Test func shippedPolicyLoadsWithItsTemplates() throws {
        let policy = try Fixtures.shippedPolicy()
        #expect(
            policy.rules.map(\.name) == [
                "demande-accord", "j-30", "j-15", "accuse-reception", "reponse-planificateur", "sans-reponse", "licence-manquante",
                "sans-accord", "j-7", "j-1",
                "j+1-saisie",
                "j+2-merci", "annulation", "annulation-equipe", "refus", "nouvelle-date", "nouvelle-date-equipe", "retrait",
                "retrait-equipe",
            ])
        // One recipient group per rule: the mairie's notice and the team's are two messages.
        #expect(policy.rules.allSatisfy { $0.recipients.count == 1 })
        #expect(policy.rule(named: "refus")?.trigger == .declined)
        #expect(policy.rule(named: "retrait")?.trigger == .withdrawn)
        #expect(policy.rule(named: "sans-reponse")?.trigger == .unanswered(days: 10))
        #expect(policy.rule(named: "licence-manquante")?.licence == .notGranted)
        #expect(policy.rule(named: "reponse-planificateur")?.recipients == [.planner])
        #expect(policy.rule(named: "j-7")?.trigger == .evening(days: -7))
        #expect(policy.rule(named: "j-7")?.deadline == ReminderDeadline(anchor: .start, days: -1))
        #expect(policy.rule(named: "j+2-merci")?.requirement == .recorded)
        _ = try Fixtures.composer(policy: policy)
    }

    private func error(_ text: String) -> String {
        do {
            _ = try ReminderPolicy.parse(text, file: "reminders.json")
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func errorsNameTheFileLineKeyAndExpectation() {
        let rule =
            #"{"name": "j-7", "trigger": "evening", "days": -7, "sendTime": "SEND", "recipients": ["mairie"], "template": "t", "statuses": ["confirmed"], "until": "start"}"#
        #expect(
            error("{\"rules\": [\n" + rule.replacingOccurrences(of: "SEND", with: "9h") + "]}")
                == "reminders.json:2 : clé « rules[0].sendTime » : attendu une heure de Paris HH:MM, trouvé « 9h »")
        #expect(
            error(
                "{\"rules\": [\n"
                    + rule.replacingOccurrences(of: "SEND", with: "09:00").replacingOccurrences(of: "\"start\"", with: "\"tomorrow\"")
                    + "]}")
                == "reminders.json:2 : clé « rules[0].until » : attendu start, end, start-Nd ou end+Nd (N jours), trouvé « tomorrow »")
        #expect(
            error(
                "{\"rules\": [\n"
                    + rule.replacingOccurrences(of: "SEND", with: "09:00").replacingOccurrences(of: "\"mairie\"", with: "\"maire\"") + "]}")
                == "reminders.json:2 : clé « rules[0].recipients[0] » : attendu mairie, staff ou planner, trouvé « maire »")
        #expect(error("{\"rules\": [], \"extra\": 1}").hasPrefix("reminders.json:1 : clé « extra » : clé inconnue"))
        #expect(error("{\"rules\": []}") == "reminders.json:1 : clé « rules » : liste vide ; au moins une règle attendue")
        // The policy is read in `.collectAll` mode: every missing key of the rule is listed.
        #expect(
            error("{\"rules\": [\n{\"name\": \"x\"}]}").split(separator: "\n") == [
                "reminders.json:2 : clé « rules[0].trigger » : clé obligatoire manquante ; attendu evening, proposed, cancelled, moved, withdrawn, declined, answered ou unanswered",
                "reminders.json:2 : clé « rules[0].recipients » : clé obligatoire manquante ; attendu une liste parmi mairie, staff, planner",
                "reminders.json:2 : clé « rules[0].template » : clé obligatoire manquante ; attendu un nom de modèle (fichier templates/NOM.txt)",
                "reminders.json:2 : clé « rules[0].statuses » : clé obligatoire manquante ; attendu une liste parmi proposed, confirmed, cancelled, done, withdrawn, declined",
                "reminders.json:2 : clé « rules[0].until » : clé obligatoire manquante ; attendu une échéance : start, end, start-Nd ou end+Nd",
            ])
        #expect(
            error(
                "{\"rules\": [\n" + rule.replacingOccurrences(of: "SEND", with: "09:00") + ",\n"
                    + rule.replacingOccurrences(of: "SEND", with: "10:00") + "]}")
                == "reminders.json:3 : clé « rules[1] » : nom de règle « j-7 » déjà utilisé : chaque règle a un nom unique")
        #expect(error("{\"rules\": [").hasPrefix("reminders.json:1 : JSON invalide"))
    }

    @Test func aMissingFileIsNamed() {
        #expect(throws: ConfigurationError.unreadable(file: "/nonexistent/reminders.json", reason: "fichier absent")) {
            try ReminderPolicy.load(path: "/nonexistent/reminders.json")
        }
    }

    /// A template field the rule cannot fill: the record's figures without a record, the date
    /// before a move without a move.
    @Test(arguments: [
        (
            #"{"name": "merci", "trigger": "evening", "days": 2, "sendTime": "10:00", "recipients": ["mairie"], "template": "remerciements", "statuses": ["done"], "until": "end+30d"}"#,
            "règle merci", #"le modèle « remerciements » utilise {participants} : la règle doit avoir "requires": "recorded""#
        ),
        (
            #"{"name": "avis", "trigger": "cancelled", "recipients": ["mairie"], "template": "nouvelle-date", "statuses": ["cancelled"], "until": "start"}"#,
            "règle avis", #"le modèle « nouvelle-date » utilise {ancienne_date} : la règle doit avoir "trigger": "moved""#
        ),
    ])
    func aFieldTheRuleCannotFillIsRefused(rule: String, key: String, expected: String) throws {
        let policy = try ReminderPolicy.parse(#"{"rules": ["# + rule + "]}", file: "p.json")
        #expect(throws: ConfigurationError.invalid(file: "p.json", line: nil, key: key, expected: expected)) {
            try TemplateSet.load(folder: PlanFixture.configFolder + "/templates", for: policy, policyFile: "p.json")
        }
    }
}
