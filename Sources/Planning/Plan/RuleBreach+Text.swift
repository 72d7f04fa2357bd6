extension RuleBreach: CustomStringConvertible {
    /// One French line naming the evening, the rule and, when several, every evening in
    /// cause: "soirée ID : règle « … » : message (soirées en cause : A, B)".
    public var description: String {
        let subject = eventID.map { "soirée \($0)" } ?? "tournée"
        let involved = eventIDs.count > 1 ? " (soirées en cause : \(eventIDs.joined(separator: ", ")))" : ""
        return "\(subject) : règle « \(rule.title) » : \(message)\(involved)"
    }
}
