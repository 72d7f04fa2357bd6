/// The season report in Markdown (CommonMark tables as GitHub renders them). O(evenings).
public enum ReportMarkdown {
    /// The report as Markdown text.
    public static func render(_ report: SeasonReport) -> String {
        var lines = [
            "# Bilan de saison — \(cell(report.season.name))", "",
            "Saison \(ReportText.period(report.season)).", "", "## Chiffres clés", "",
            "| Indicateur | Valeur |", "|---|---:|",
        ]
        lines += ReportText.headline(report).map { "| \(cell($0.label)) | \($0.value) |" }
        let h = report.headline
        if h.cancelled > 0 || h.upcoming > 0 {
            lines += [
                "", "Soirées annulées : \(FrenchNumber.format(h.cancelled)) ; soirées encore à venir : \(FrenchNumber.format(h.upcoming)).",
            ]
        }
        lines += ["", "## Comment les externalités sont calculées", "", "| Chiffre | Calcul | Résultat |", "|---|---|---:|"]
        lines += ReportText.formulas(report).map { "| \(cell($0.label)) | \(cell($0.formula)) | \($0.result) |" }
        lines += [
            "", "### Facteurs du modèle et leurs sources", "",
            "Les valeurs marquées « hypothèse de l'équipe » sont des choix de l'équipe, à affiner par des enquêtes ; elles se changent dans config/externalities.json.",
            "", "| Facteur | Valeur | Unité | Source |", "|---|---:|---|---|",
        ]
        lines += report.model.factors.map {
            "| \(cell($0.factor.label)) | \(FrenchNumber.factor($0.factor.value)) | \(cell($0.factor.unit)) | \(cell($0.factor.source)) |"
        }
        lines += [
            "", "## Par commune", "", "| Commune | Soirées | Personnes | Animations | Économie locale | Km évités |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        lines += report.communes.map {
            "| \(cell($0.commune.name)) | \(FrenchNumber.format($0.evenings)) | \(FrenchNumber.format($0.attendance)) | \(FrenchNumber.format($0.animations)) | \(FrenchNumber.with($0.figures.localEconomyEuros, unit: "€")) | \(FrenchNumber.format($0.figures.avoidedCarKm)) |"
        }
        lines += [
            "", "## Par soirée", "", "| Date | Commune | Tournée | Personnes | Animations | Partenaires | Économie locale | Météo |",
            "|---|---|---|---:|---|---|---:|---|",
        ]
        lines += report.evenings.map { evening in
            let entry = evening.record.entry
            return
                "| \(ReportText.frenchDate(evening.event.planned.slot.date)) | \(cell(evening.commune.name)) | \(cell(evening.event.planned.tour ?? "")) | \(FrenchNumber.format(entry.attendance)) | \(cell(entry.animations.joined(separator: ", "))) | \(cell(ReportText.partners(evening.record))) | \(FrenchNumber.with(evening.figures.localEconomyEuros, unit: "€")) | \(cell(entry.weather ?? "")) |"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A table cell: pipes escaped and line breaks flattened, so data never breaks the table.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
