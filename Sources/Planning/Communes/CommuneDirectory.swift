import Foundation
import TextFormats

/// The national list of French communes, looked up by INSEE code, intercommunalité or name.
///
/// Shipped as the `Planning` target's resource (`ShippedFile`) so the program works offline.
public struct CommuneDirectory: Sendable {
    /// The communes in file order (INSEE order).
    public let communes: [DirectoryCommune]
    private let indexByInsee: [String: Int]

    /// The national file as shipped, or where `$TOURNEE_COMMUNES_FILE` points.
    public static let shipped = ShippedFile(
        fileName: "communes-fr.csv", environmentKey: "TOURNEE_COMMUNES_FILE", description: "fichier national des communes")

    /// Reads a file in the national layout (`insee,name,departement,population,lat,lon,epci_siren,epci_name`).
    public init(csv text: String, file: String) throws(SeasonError) {
        let table: CSVTable
        do { table = try CSVTable(text: text) } catch {
            throw SeasonError(issues: [FileIssue(.error, file: file, line: error.line, key: nil, message: error.message)])
        }
        let names = ["insee", "name", "departement", "population", "lat", "lon", "epci_siren", "epci_name"]
        let columns = names.compactMap { table.column($0) }
        guard columns.count == names.count else {
            throw SeasonError(issues: [
                FileIssue(
                    .error, file: file, line: 1, key: nil,
                    message: "colonnes attendues : " + names.joined(separator: ","))
            ])
        }
        var communes: [DirectoryCommune] = []
        var index: [String: Int] = [:]
        communes.reserveCapacity(table.rows.count)
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                throw SeasonError(issues: [
                    FileIssue(
                        .error, file: file, line: row.line, key: nil,
                        message: "\(table.header.count) champs attendus, trouvé \(row.fields.count)")
                ])
            }
            let f = columns.map { row.fields[$0] }
            guard index[f[0]] == nil else {
                throw SeasonError(issues: [
                    FileIssue(
                        .error, file: file, line: row.line, key: "insee",
                        message:
                            "code INSEE « \(ControlCharacters.visible(f[0])) » déjà donné plus haut : une ligne par commune est attendue")
                ])
            }
            // A position off the globe (`1e15`, `inf`) would make every distance to it meaningless.
            let lat = DecimalNumber.value(f[4]).flatMap { (-90...90).contains($0) ? $0 : nil }
            let lon = DecimalNumber.value(f[5]).flatMap { (-180...180).contains($0) ? $0 : nil }
            guard let population = Int(f[3]), population >= 0, (lat == nil) == (lon == nil), (lat != nil) == !f[4].isEmpty,
                (lon != nil) == !f[5].isEmpty
            else {
                let found = [f[3], f[4], f[5]].map { "« \(ControlCharacters.visible($0)) »" }.joined(separator: ", ")
                throw SeasonError(issues: [
                    FileIssue(
                        .error, file: file, line: row.line, key: nil,
                        message:
                            "population entière positive, latitude entre -90 et 90 et longitude entre -180 et 180 (ou les deux vides) attendues, trouvé \(found)"
                    )
                ])
            }
            index[f[0]] = communes.count
            communes.append(
                DirectoryCommune(
                    insee: f[0], name: f[1], departement: f[2], population: population,
                    coordinate: lat.map { Coordinate(latitude: $0, longitude: lon!) }, epciSiren: f[6], epciName: f[7]))
        }
        self.communes = communes
        self.indexByInsee = index
    }

    /// The commune with this INSEE code. O(1).
    public func commune(insee: String) -> DirectoryCommune? {
        indexByInsee[insee].map { communes[$0] }
    }

    /// The communes of an intercommunalité, in INSEE order. O(n).
    public func communes(epciSiren: String) -> [DirectoryCommune] {
        communes.filter { $0.epciSiren == epciSiren }
    }

    /// The intercommunalités whose name contains `text` (ignoring case, accents and hyphens),
    /// each once, by name: what `--epci` offers when it is given a name rather than a SIREN.
    public func epcis(named text: String) -> [(siren: String, name: String)] {
        let needle = CommuneDirectory.searchKey(text)
        guard !needle.isEmpty else { return [] }
        var found: [String: String] = [:]
        for commune in communes where !commune.epciSiren.isEmpty && found[commune.epciSiren] == nil {
            if CommuneDirectory.searchKey(commune.epciName).contains(needle) { found[commune.epciSiren] = commune.epciName }
        }
        return found.map { (siren: $0.key, name: $0.value) }.sorted { ($0.name, $0.siren) < ($1.name, $1.siren) }
    }

    /// The communes whose name contains `text`, ignoring case, accents and hyphens. O(n).
    public func search(_ text: String) -> [DirectoryCommune] {
        let needle = CommuneDirectory.searchKey(text)
        guard !needle.isEmpty else { return [] }
        return communes.filter { CommuneDirectory.searchKey($0.name).contains(needle) }
    }

    /// Folds case, accents and the separators French names use, so "st dizier" finds nothing but
    /// "saint dizier" finds Saint-Dizier.
    static func searchKey(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_FR"))
            .replacingOccurrences(of: "-", with: " ")
            .replacingOccurrences(of: "'", with: " ")
            .replacingOccurrences(of: "’", with: " ")
            .split(separator: " ").joined(separator: " ")
    }

    /// Loads the shipped national file (see `shipped` for where it is looked for).
    public static func loadShipped(environment: [String: String] = ProcessInfo.processInfo.environment) throws(SeasonError)
        -> CommuneDirectory
    {
        let (text, path) = try shipped.read(environment: environment, limit: SeasonLoader.maximumFileSize)
        return try CommuneDirectory(csv: text, file: path)
    }
}
