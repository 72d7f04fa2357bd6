import CivilTime
import Foundation
import TextFormats

/// A school-holiday period of one zone, as published by the Ministère de l'Éducation nationale.
public struct SchoolHolidayPeriod: Hashable, Sendable {
    /// "A", "B" or "C".
    public let zone: String
    /// "Vacances d'Été", "Pont de l'Ascension"…
    public let name: String
    /// The days without school: from the first day off to the day before classes resume.
    public let days: DateRange

    /// Creates a period.
    public init(zone: String, name: String, days: DateRange) {
        self.zone = zone
        self.name = name
        self.days = days
    }

    /// Reads the Ministry's CSV layout (`zone,school_year,period,first_day_off,last_day_off,
    /// classes_resume,…`), keeping the zones as single letters. Problems are returned with lines.
    public static func read(csv text: String, file: String) -> (periods: [SchoolHolidayPeriod], issues: [FileIssue]) {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            return ([], [FileIssue(.error, file: file, line: error.line, key: nil, message: error.message)])
        }
        var issues: [FileIssue] = table.duplicateColumns.map { duplicate in
            FileIssue(
                .error, file: file, line: 1, key: "colonne \(duplicate.name)",
                message:
                    "colonne en double dans l'en-tête (colonnes \(duplicate.first) et \(duplicate.second)) : une seule colonne de ce nom est attendue"
            )
        }
        guard issues.isEmpty else { return ([], issues) }
        let required = ["zone", "period", "first_day_off", "last_day_off"]
        let columns = required.compactMap { table.column($0) }
        guard columns.count == required.count else {
            let message = "colonnes attendues : " + required.joined(separator: ", ")
            return ([], [FileIssue(.error, file: file, line: 1, key: nil, message: message)])
        }
        var periods: [SchoolHolidayPeriod] = []
        for row in table.rows {
            let field = { (index: Int) in index < row.fields.count ? row.fields[index].trimmingCharacters(in: .whitespaces) : "" }
            let zone = field(columns[0]).replacingOccurrences(of: "Zone ", with: "")
            guard ["A", "B", "C"].contains(zone) else {
                issues.append(
                    FileIssue(
                        .error, file: file, line: row.line, key: "colonne zone",
                        message: "« Zone A », « Zone B » ou « Zone C » attendu, trouvé « \(field(columns[0])) »"))
                continue
            }
            guard let first = CivilDate(iso: field(columns[2])), let last = CivilDate(iso: field(columns[3])), first <= last else {
                issues.append(
                    FileIssue(
                        .error, file: file, line: row.line, key: "colonnes first_day_off/last_day_off",
                        message: "deux dates AAAA-MM-JJ dans l'ordre attendues"))
                continue
            }
            if let scalar = ControlCharacters.first(in: field(columns[1])) {
                issues.append(
                    FileIssue(.error, file: file, line: row.line, key: "colonne period", message: ControlCharacters.message(scalar)))
                continue
            }
            periods.append(SchoolHolidayPeriod(zone: zone, name: field(columns[1]), days: DateRange(first, last)))
        }
        return (periods, issues)
    }
}
