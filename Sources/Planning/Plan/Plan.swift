import CivilTime
import SeasonVocabulary

/// A planned evening: a commune hosts a tour's vehicle on a date.
public struct PlannedEvent: Sendable, Hashable {
    /// Stable identifier: the same event keeps it across re-plans (`SAISON-INSEE-N`).
    public let id: String
    /// The evening's date.
    public let date: CivilDate
    /// Local start and end (Europe/Paris); the end may fall on the next day.
    public let start: LocalTime
    /// Local end time.
    public let end: LocalTime
    /// The host commune's INSEE code.
    public let insee: String
    /// The host commune's name.
    public let communeName: String
    /// The vehicle's identifier.
    public let vehicle: String
    /// The tour's name.
    public let tour: String
    /// Proposed, or kept as confirmed/done.
    public let status: EventStatus
    /// Where the vehicle comes from (the base or the previous commune).
    public let from: String
    /// Kilometres driven for this evening: the round trip from the base, or the leg from the
    /// previous place when the vehicle goes straight on.
    public let km: Double
    /// Driving minutes for those kilometres.
    public let minutes: Double
    /// Whether the evening is on one of its commune's preferred dates or preferred days.
    public var isPreferredEvening = false
}

/// The season's totals.
public struct PlanSummary: Sendable, Hashable {
    /// Evenings planned.
    public let evenings: Int
    /// Evenings the tours ask for.
    public let eveningsWanted: Int
    /// Communes with at least one evening.
    public let communesServed: Int
    /// Communes in the season.
    public let communes: Int
    /// Kilometres driven, returns to base included.
    public let km: Double
    /// Cost of those kilometres in euros.
    public let cost: Double
    /// CO2 emitted in kilograms.
    public let co2Kg: Double
}

/// Why a commune got fewer evenings than it wanted, or not a date it preferred, in plain
/// words, with the dates concerned.
public struct PlanExplanation: Sendable, Hashable {
    /// The commune's INSEE code.
    public let insee: String
    /// The commune's name.
    public let name: String
    /// Visits wanted (`min_visits`).
    public let wanted: Int
    /// Visits planned.
    public let planned: Int
    /// One sentence per cause of a missing visit (none when it has all it wanted).
    public let reasons: [String]
    /// One sentence per preferred date without its evening, with the cause.
    public var unmetPreferences: [String] = []

    /// The explanation as one paragraph.
    public var text: String {
        var parts: [String] = []
        if planned < wanted || !reasons.isEmpty {
            parts.append(
                "\(planned) visite\(planned > 1 ? "s" : "") sur \(wanted) voulue\(wanted > 1 ? "s" : "")."
                    + (reasons.isEmpty ? "" : " " + reasons.joined(separator: " ")))
        }
        if !unmetPreferences.isEmpty {
            parts.append(
                "Date\(unmetPreferences.count > 1 ? "s" : "") préférée\(unmetPreferences.count > 1 ? "s" : "") non accordée\(unmetPreferences.count > 1 ? "s" : "") : "
                    + unmetPreferences.joined(separator: " "))
        }
        return "\(name) : " + parts.joined(separator: " ")
    }
}

/// Something a planner wants to know before publishing.
public struct PlanWarning: Sendable, Hashable {
    /// The kind of warning.
    public enum Kind: String, Sendable {
        /// An evening on a public holiday.
        case publicHoliday
        /// An evening on the date of a nearby commune's fête.
        case neighbourFete
        /// A leg close to the vehicle's limit.
        case longLeg
        /// A tour with fewer evenings than asked.
        case tourNotFilled
        /// A kept (confirmed or done) event that breaks a rule of the season.
        case keptEventBreaksRule
    }
    /// The kind.
    public let kind: Kind
    /// The date concerned, if any.
    public let date: CivilDate?
    /// The event concerned, if any.
    public let eventID: String?
    /// The warning in French.
    public let text: String
}

/// How good the plan is known to be.
public enum PlanQuality: Sendable, Hashable {
    /// Proven optimal by an exact method.
    case provenOptimal
    /// A heuristic result; the bound, when known, is a lower bound on its objective.
    case heuristic(lowerBound: Double?)
}

/// The result of planning a season.
public struct Plan: Sendable {
    /// The season planned.
    public let season: Season
    /// The season's folder name, used in identifiers.
    public let seasonSlug: String
    /// The evenings, sorted by date then tour.
    public let events: [PlannedEvent]
    /// The totals.
    public let summary: PlanSummary
    /// One per commune with fewer visits than wanted.
    public let explanations: [PlanExplanation]
    /// Warnings before publishing.
    public let warnings: [PlanWarning]
    /// Optimality status.
    public let quality: PlanQuality
    /// The documented objective, broken down (`PlanObjective`).
    public let objective: PlanObjective
    /// Routing iterations used (0 when the exact method planned the season).
    public let iterations: Int
    /// What the plan started from (`PlanChanges` compares the plan with it).
    public let basis: PlanBasis
    /// What moving or withdrawing an evening announced to its mairie costs, in euros.
    public let stabilityPenalty: Double
    /// Branch-and-bound nodes the exact method explored, when it planned the season.
    public var nodes: Int? = nil
}
