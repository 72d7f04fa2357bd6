import Foundation

/// A day of the week, in ISO 8601 order (Monday first).
public enum Weekday: Int, CaseIterable, Sendable, Comparable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// The French name, lower case, as season files and messages write it ("vendredi").
    public var frenchName: String {
        switch self {
        case .monday: "lundi"
        case .tuesday: "mardi"
        case .wednesday: "mercredi"
        case .thursday: "jeudi"
        case .friday: "vendredi"
        case .saturday: "samedi"
        case .sunday: "dimanche"
        }
    }

    /// Reads a French day name, ignoring case and surrounding spaces; nil if it is not one.
    public init?(frenchName text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Weekday.allCases.first(where: { $0.frenchName == key }) else { return nil }
        self = match
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
