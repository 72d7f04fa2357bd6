import Store

/// The season report for spreadsheets, one row per evening: RFC 4180 CSV (CRLF line ends, fields
/// quoted when they hold the separator, a quote or a line break) in one of two dialects. O(evenings).
public enum ReportCSV {
    /// Who reads the file.
    public enum Dialect: Sendable {
        /// Programs: commas, decimal points, key-like column names, no byte-order mark.
        case rfc4180
        /// A French spreadsheet (LibreOffice, Excel set to French): semicolons, decimal commas,
        /// French column names, UTF-8 with a byte-order mark so that accents open right.
        case french

        var separator: Character { self == .french ? ";" : "," }
    }

    /// The header row's columns for programs.
    public static let columns = [
        "event", "date", "commune_insee", "commune", "tour", "vehicle", "attendance",
        "animations", "animation_titles", "associations", "producers", "artists",
        "partners", "sales_eur", "local_spend_eur", "local_economy_eur",
        "avoided_car_km", "avoided_kg_co2", "tour_km", "tour_kg_co2", "volunteers", "weather",
    ]

    /// The header row's columns for a French spreadsheet, in the order of `columns`.
    public static let frenchColumns = [
        "Soirée", "Date", "Code INSEE", "Commune", "Tournée", "Véhicule", "Personnes",
        "Animations", "Titres des animations", "Associations", "Producteurs", "Artistes",
        "Partenaires", "Ventes (€)", "Dépenses locales (€)", "Économie locale (€)",
        "Km de voiture évités", "CO2 évité (kg)", "Km de la tournée", "CO2 de la tournée (kg)", "Bénévoles", "Météo",
    ]

    /// The CSV text in `dialect`.
    public static func render(_ report: SeasonReport, dialect: Dialect = .rfc4180) -> String {
        // Numbers are written with a point, then given a comma for French readers: the columns
        // that hold one are the only ones changed.
        func number(_ text: String) -> String { dialect == .french ? text.replacingOccurrences(of: ".", with: ",") : text }
        var rows = [dialect == .french ? frenchColumns : columns]
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
                number(euros(entry.salesCents)), number(euros(entry.localSpendCents)),
                number(FrenchNumber.plain(figures.localEconomyEuros, decimals: 2)),
                number(FrenchNumber.plain(figures.avoidedCarKm, decimals: 1)),
                number(FrenchNumber.plain(figures.avoidedKgCO2, decimals: 1)),
                number(FrenchNumber.plain(figures.tourKm, decimals: 1)), number(FrenchNumber.plain(figures.tourKgCO2, decimals: 1)),
                entry.volunteers.map(String.init) ?? "", entry.weather ?? "",
            ])
        }
        let text = rows.map { $0.map { field($0, separator: dialect.separator) }.joined(separator: String(dialect.separator)) + "\r\n" }
            .joined()
        return dialect == .french ? "\u{FEFF}" + text : text
    }

    /// Cents as plain euros with two decimals, empty when not recorded.
    private static func euros(_ cents: Int?) -> String {
        guard let cents else { return "" }
        return "\(cents / 100)." + String(cents % 100 + 100).dropFirst()
    }

    /// RFC 4180 §2 rules 5–7: quote a field holding a separator, quote or line break; double quotes.
    static func field(_ text: String, separator: Character) -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
