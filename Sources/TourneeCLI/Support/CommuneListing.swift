import Planning

/// The national file's communes as a person reads them: what tells apart the three
/// « Saint-Juéry » (département, intercommunalité) rather than the season CSV's columns.
enum CommuneListing {
    /// One line per commune under a header, columns aligned on the longest value.
    static func text(for communes: [DirectoryCommune]) -> String {
        let header = ["INSEE", "Commune", "Dép.", "Population", "Intercommunalité (SIREN)"]
        let rows = communes.map { commune in
            [
                commune.insee, commune.name, commune.departement, String(commune.population),
                commune.epciSiren.isEmpty ? "—" : "\(commune.epciName) (\(commune.epciSiren))",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { cells in
            cells.enumerated().map { column, cell in
                column == cells.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
