import Store

/// The season report for spreadsheets: RFC 4180 CSV (CRLF line ends, fields quoted when they
/// hold a comma, quote or line break), one row per evening, plain numbers. O(evenings).
public enum ReportCSV {
    /// The header row's columns.
    public static let columns = [
        "event", "date", "commune_insee", "commune", "tour", "vehicle", "attendance",
        "animations", "animation_titles", "associations", "producers", "artists",
        "partners", "sales_eur", "local_spend_eur", "local_economy_eur",
        "avoided_car_km", "avoided_kg_co2", "tour_km", "tour_kg_co2", "volunteers", "weather",
    ]

    /// The CSV text.
    public static func render(_ report: SeasonReport) -> String {
        var rows = [columns]
        for evening in report.evenings {
            let entry = evening.record.entry
            let figures = evening.figures
            func count(_ kind: PartnerKind) -> String { String(evening.record.partners.filter { $0.kind == kind }.count) }
            rows.append([
                evening.event.id, evening.event.planned.slot.date.description, evening.commune.insee, evening.commune.name,
                evening.event.planned.tour ?? "", evening.event.planned.vehicle, String(entry.attendance),
                String(entry.animations.count), entry.animations.joined(separator: " | "),
                count(.association), count(.producer), count(.artist),
                evening.record.partners.map { "\($0.name):\($0.kind.rawValue)" }.joined(separator: " | "),
                euros(entry.salesCents), euros(entry.localSpendCents),
                FrenchNumber.plain(figures.localEconomyEuros, decimals: 2),
                FrenchNumber.plain(figures.avoidedCarKm, decimals: 1), FrenchNumber.plain(figures.avoidedKgCO2, decimals: 1),
                FrenchNumber.plain(figures.tourKm, decimals: 1), FrenchNumber.plain(figures.tourKgCO2, decimals: 1),
                entry.volunteers.map(String.init) ?? "", entry.weather ?? "",
            ])
        }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// Cents as plain euros with two decimals, empty when not recorded.
    private static func euros(_ cents: Int?) -> String {
        guard let cents else { return "" }
        return "\(cents / 100)." + String(cents % 100 + 100).dropFirst()
    }

    /// RFC 4180 §2 rules 5–7: quote a field holding a separator, quote or line break; double quotes.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
