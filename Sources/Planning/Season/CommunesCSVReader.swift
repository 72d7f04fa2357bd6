import CivilTime
import Foundation
import TextFormats

/// Reads the host communes CSV that planners keep in a spreadsheet.
///
/// Only `insee` is required: an empty name, population or position is taken from the national
/// file. Columns are matched by name, in any order; unknown columns are reported as warnings so a
/// planner's own notes columns do not stop planning but a misspelt column does not pass silently.
struct CommunesCSVReader {
    let directory: CommuneDirectory
    let file: String
    let log: IssueLog

    /// The columns a communes file may have, in the order `tournee communes` writes them.
    static let columns = [
        "insee", "name", "population", "lat", "lon", "has_cafe", "mairie_name", "mairie_email",
        "weekdays", "unavailable", "preferred", "min_visits", "max_visits", "tours", "place",
        "notes",
    ]

    func read(_ text: String) -> [Commune] {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            log.error(file, line: error.line, key: nil, error.message)
            return []
        }
        let duplicates = table.duplicateColumns
        for duplicate in duplicates {
            log.error(
                file, line: 1, key: "colonne \(duplicate.name)",
                "colonne en double dans l'en-tête (colonnes \(duplicate.first) et \(duplicate.second)) : une seule colonne de ce nom est attendue"
            )
        }
        guard duplicates.isEmpty else { return [] }
        guard table.column("insee") != nil else {
            log.error(
                file, line: 1, key: nil,
                "colonne « insee » manquante dans l'en-tête ; colonnes possibles : " + Self.columns.joined(separator: ","))
            return []
        }
        for name in table.header where !Self.columns.contains(name.lowercased()) {
            log.warning(
                file, line: 1, key: "colonne \(name)",
                "colonne inconnue, ignorée ; colonnes possibles : " + Self.columns.joined(separator: ","))
        }
        if table.rows.isEmpty { log.error(file, line: 1, key: nil, "aucune commune : au moins une ligne après l'en-tête attendue") }
        let columnIndex = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($0.element.lowercased(), $0.offset) })
        var communes: [Commune] = []
        var firstLineByInsee: [String: Int] = [:]
        for row in table.rows {
            if row.fields.count != table.header.count {
                log.error(
                    file, line: row.line, key: nil,
                    "\(table.header.count) champs attendus comme dans l'en-tête, trouvé \(row.fields.count) (séparateur « \(table.separator) » ; un guillemet manque-t-il ?)"
                )
                continue
            }
            guard let commune = readRow(row, columnIndex: columnIndex) else { continue }
            if let first = firstLineByInsee[commune.insee] {
                log.error(file, line: row.line, key: "colonne insee", "code INSEE \(commune.insee) en double (déjà ligne \(first))")
                continue
            }
            firstLineByInsee[commune.insee] = row.line
            communes.append(commune)
        }
        return communes
    }

    /// The commune of one row, or nil after logging its faults. `columnIndex` maps lowercased
    /// column names to positions, computed once per file rather than searched per field.
    private func readRow(_ row: CSVTable.Row, columnIndex: [String: Int]) -> Commune? {
        // Trimmed once per row: each field is asked for several times below.
        var trimmed: [String: String] = [:]
        for (name, index) in columnIndex where index < row.fields.count {
            trimmed[name] = row.fields[index].trimmingCharacters(in: .whitespaces)
        }
        func field(_ name: String) -> String { trimmed[name] ?? "" }
        func fail(_ column: String, _ message: String) { log.error(file, line: row.line, key: "colonne \(column)", message) }
        // Checked first and alone: the other messages quote the field, and a control character
        // quoted back would break the message's own line.
        guard !hasControlCharacters(field, fail: fail) else { return nil }
        let errorsBefore = log.errorCount

        let insee = field("insee")
        let known = knownCommune(insee: insee, fail: fail)
        let name = field("name").isEmpty ? known?.name : field("name")
        let population = readPopulation(field("population"), known: known, fail: fail)
        let coordinate = readCoordinate(field("lat"), field("lon"), known: known, fail: fail)
        let hasCafe = readHasCafe(field("has_cafe"), fail: fail)
        let mairie = readMairie(name: field("mairie_name"), email: field("mairie_email"), fail: fail)
        let weekdays = readWeekdays(field("weekdays"), fail: fail)
        let unavailable = dateRanges(field("unavailable"), column: "unavailable", fail: fail)
        let preferred = dateRanges(field("preferred"), column: "preferred", fail: fail)
        let visits = readVisits(minimum: field("min_visits"), maximum: field("max_visits"), fail: fail)
        let tours = field("tours").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }

        guard log.errorCount == errorsBefore, let name, let population, let coordinate, let visits else { return nil }
        return Commune(
            insee: insee, name: name, coordinate: coordinate, population: population, hasCafe: hasCafe,
            mairie: mairie, weekdays: weekdays, unavailable: unavailable, preferred: preferred,
            minVisits: visits.minimum, maxVisits: visits.maximum, tours: tours,
            place: field("place").isEmpty ? nil : field("place"), notes: field("notes").isEmpty ? nil : field("notes"), line: row.line)
    }

    /// Whether a field of the row holds a control character, each one logged.
    private func hasControlCharacters(_ field: (String) -> String, fail: (String, String) -> Void) -> Bool {
        var found = false
        for column in Self.columns {
            if let scalar = ControlCharacters.first(in: field(column)) {
                fail(column, ControlCharacters.message(scalar))
                found = true
            }
        }
        return found
    }

    /// The national file's commune of a row's INSEE code; nil, logged, when the code is empty or
    /// unknown (with a hint when a spreadsheet dropped its leading zero).
    private func knownCommune(insee: String, fail: (String, String) -> Void) -> DirectoryCommune? {
        if insee.isEmpty {
            fail("insee", "code INSEE obligatoire")
        } else if let match = directory.commune(insee: insee) {
            return match
        } else if insee.count == 4, let padded = directory.commune(insee: "0" + insee) {
            fail(
                "insee",
                "code INSEE inconnu « \(insee) » : le zéro initial a-t-il été perdu par le tableur ? (\(padded.insee) \(padded.name))")
        } else {
            fail("insee", "code INSEE inconnu « \(insee) » (fichier national COG 2026)")
        }
        return nil
    }

    /// The row's population (spaces between thousands allowed), else the national file's.
    private func readPopulation(_ text: String, known: DirectoryCommune?, fail: (String, String) -> Void) -> Int? {
        guard !text.isEmpty else { return known?.population }
        guard let value = Int(text.replacingOccurrences(of: " ", with: "")), value >= 0 else {
            fail("population", "nombre entier positif attendu, trouvé « \(text) »")
            return known?.population
        }
        return value
    }

    /// `has_cafe` in the words a spreadsheet may hold; nil when empty (not known) or refused.
    private func readHasCafe(_ text: String, fail: (String, String) -> Void) -> Bool? {
        switch text.lowercased() {
        case "": return nil
        case "oui", "o", "yes", "y", "true", "1", "vrai": return true
        case "non", "n", "no", "false", "0", "faux": return false
        default:
            fail("has_cafe", "« oui » ou « non » attendu, trouvé « \(text) »")
            return nil
        }
    }

    /// The mairie to write to: a valid address and, when given, a name; a name alone is refused.
    private func readMairie(name: String, email: String, fail: (String, String) -> Void) -> MairieContact? {
        if !email.isEmpty {
            if EmailAddressSyntax.isValid(email) { return MairieContact(name: name.isEmpty ? nil : name, email: email) }
            fail("mairie_email", "adresse e-mail invalide « \(email) » (forme attendue : nom@domaine.fr)")
        } else if !name.isEmpty {
            fail("mairie_email", "un contact sans adresse e-mail ne peut pas être prévenu : ajoutez l'adresse")
        }
        return nil
    }

    /// The commune's own evening weekdays (French names separated by `;`, `,` or spaces), sorted.
    private func readWeekdays(_ text: String, fail: (String, String) -> Void) -> [Weekday]? {
        guard !text.isEmpty else { return nil }
        let items = text.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == " " })
        let days = items.compactMap { Weekday(frenchName: String($0)) }
        guard days.count == items.count else {
            fail("weekdays", "jours en français séparés par « ; » attendus (ex. « vendredi;samedi »), trouvé « \(text) »")
            return nil
        }
        return Array(Set(days)).sorted()
    }

    /// `min_visits` (1 by default) and `max_visits` (at least the minimum and 1 by default); nil
    /// when either is unreadable. An inconsistent pair is logged.
    private func readVisits(minimum minimumText: String, maximum maximumText: String, fail: (String, String) -> Void) -> (
        minimum: Int, maximum: Int
    )? {
        let minimum = count(minimumText, default: 1, column: "min_visits", fail: fail)
        let maximum = count(maximumText, default: max(minimum ?? 1, 1), column: "max_visits", fail: fail)
        if let minimum, let maximum, minimum > maximum {
            fail("max_visits", "max_visits (\(maximum)) inférieur à min_visits (\(minimum))")
        }
        if maximum == 0 { fail("max_visits", "au moins 1 attendu (retirez la ligne pour ne pas inviter la commune)") }
        guard let minimum, let maximum else { return nil }
        return (minimum, maximum)
    }

    private func readCoordinate(_ latText: String, _ lonText: String, known: DirectoryCommune?, fail: (String, String) -> Void)
        -> Coordinate?
    {
        if latText.isEmpty && lonText.isEmpty {
            if let known, known.coordinate == nil {
                fail("lat", "le fichier national ne donne pas la position de \(known.name) : renseignez lat et lon")
            }
            return known?.coordinate
        }
        guard !latText.isEmpty, !lonText.isEmpty else {
            fail(latText.isEmpty ? "lat" : "lon", "lat et lon vont ensemble : renseignez les deux ou aucune")
            return nil
        }
        let lat = DecimalNumber.value(latText.replacingOccurrences(of: ",", with: "."))
        let lon = DecimalNumber.value(lonText.replacingOccurrences(of: ",", with: "."))
        guard let lat, (-90...90).contains(lat) else {
            fail("lat", "latitude en degrés décimaux entre -90 et 90 attendue, trouvé « \(latText) »")
            return nil
        }
        guard let lon, (-180...180).contains(lon) else {
            fail("lon", "longitude en degrés décimaux entre -180 et 180 attendue, trouvé « \(lonText) »")
            return nil
        }
        let coordinate = Coordinate(latitude: lat, longitude: lon)
        if let known, let reference = known.coordinate, coordinate.kilometres(to: reference) > 20 {
            log.warning(
                file, line: nil, key: "commune \(known.insee)",
                String(
                    format: "position à %.0f km de la mairie de %@ : latitude et longitude inversées ?",
                    coordinate.kilometres(to: reference), known.name))
        }
        return coordinate
    }

    private func dateRanges(_ text: String, column: String, fail: (String, String) -> Void) -> [DateRange] {
        let (ranges, invalid) = DateRangeList.ranges(in: text)
        if !invalid.isEmpty { fail(column, DateRangeList.expected + ", trouvé « \(invalid.joined(separator: " ")) »") }
        return ranges
    }

    private func count(_ text: String, default fallback: Int, column: String, fail: (String, String) -> Void) -> Int? {
        if text.isEmpty { return fallback }
        guard let value = Int(text), (0...366).contains(value) else {
            fail(column, "nombre entier entre 0 et 366 attendu, trouvé « \(text) »")
            return nil
        }
        return value
    }
}
