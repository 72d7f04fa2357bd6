import Planning
import TextFormats

/// The season report as one self-contained HTML page (no external file, charts as inline SVG),
/// written as well-formed XHTML-compatible markup so an XML parser reads it. O(evenings).
public enum ReportHTML {
    /// The page; its map lies over `outlines` when given.
    public static func render(_ report: SeasonReport, outlines: DepartementOutlines?) -> String {
        let title = "Bilan de saison — " + report.season.name
        return head(title: title) + headline(report, title: title)
            + ReportCharts.attendance(report) + ReportCharts.communeShare(report) + ReportCharts.map(report, outlines: outlines)
            + externalities(report) + communes(report) + evenings(report) + "</body>\n</html>\n"
    }

    /// The document up to `<body>`, with its style sheet.
    private static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="fr" xml:lang="fr">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(e(title))</title>
        <style>
        body { font-family: sans-serif; margin: 2em auto; max-width: 960px; color: #222; line-height: 1.4; padding: 0 1em; }
        h1 { font-size: 1.8em; margin-bottom: 0.2em; }
        h2 { border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; margin-top: 1.8em; }
        .figures { display: flex; flex-wrap: wrap; gap: 0.8em; padding: 0; list-style: none; }
        .figures li { flex: 1 1 200px; background: #f2f6fa; border-radius: 6px; padding: 0.6em 0.8em; }
        .figures .value { display: block; font-size: 1.6em; font-weight: bold; color: #0072B2; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 0.5em 0; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        svg { max-width: 100%; height: auto; display: block; margin: 1em 0; }
        .note { color: #555; font-size: 0.9em; }
        </style>
        </head>
        <body>

        """
    }

    /// The title, the season's dates and the key figures.
    private static func headline(_ report: SeasonReport, title: String) -> String {
        var html = """
            <h1>\(e(title))</h1>
            <p class="note">Saison \(e(ReportText.period(report.season))).</p>
            <h2>Chiffres clés</h2>
            <ul class="figures">

            """
        for figure in ReportText.headline(report) {
            html += "<li><span class=\"value\">\(e(figure.value))</span>\(e(figure.label))</li>\n"
        }
        html += "</ul>\n"
        let h = report.headline
        if h.cancelled > 0 || h.upcoming > 0 {
            html +=
                "<p class=\"note\">Soirées annulées : \(e(FrenchNumber.format(h.cancelled))) ; soirées encore à venir : \(e(FrenchNumber.format(h.upcoming))).</p>\n"
        }
        return html
    }

    /// How the externalities are computed, and the model's factors with their sources.
    private static func externalities(_ report: SeasonReport) -> String {
        var text = "<h2>Comment les externalités sont calculées</h2>\n"
        text += table(
            ["Chiffre", "Calcul", "Résultat"], numeric: [2],
            ReportText.formulas(report).map { [$0.label, $0.formula, $0.result] })
        text += "<h3>Facteurs du modèle et leurs sources</h3>\n"
        text +=
            "<p class=\"note\">Les valeurs marquées « hypothèse de l'équipe » sont des choix de l'équipe, à affiner par des enquêtes ; elles se changent dans config/externalities.json.</p>\n"
        text += table(
            ["Facteur", "Valeur", "Unité", "Source"], numeric: [1],
            report.model.factors.map { [$0.factor.label, FrenchNumber.factor($0.factor.value), $0.factor.unit, $0.factor.source] })
        return text
    }

    /// The table of host communes.
    private static func communes(_ report: SeasonReport) -> String {
        "<h2>Par commune</h2>\n"
            + table(
                ["Commune", "Soirées", "Personnes", "Animations", "Économie locale", "Km évités"], numeric: [1, 2, 3, 4, 5],
                report.communes.map {
                    [
                        $0.commune.name, FrenchNumber.format($0.evenings), FrenchNumber.format($0.attendance),
                        FrenchNumber.format($0.animations), FrenchNumber.with($0.figures.localEconomyEuros, unit: "€"),
                        FrenchNumber.format($0.figures.avoidedCarKm),
                    ]
                })
    }

    /// The table of evenings.
    private static func evenings(_ report: SeasonReport) -> String {
        "<h2>Par soirée</h2>\n"
            + table(
                ["Date", "Commune", "Tournée", "Personnes", "Animations", "Partenaires", "Économie locale", "Météo"],
                numeric: [3, 6],
                report.evenings.map { evening in
                    let entry = evening.record.entry
                    return [
                        ReportText.frenchDate(evening.event.planned.slot.date), evening.commune.name,
                        evening.event.planned.tour ?? "", FrenchNumber.format(entry.attendance),
                        entry.animations.joined(separator: ", "), ReportText.partners(evening.record),
                        FrenchNumber.with(evening.figures.localEconomyEuros, unit: "€"), entry.weather ?? "",
                    ]
                })
    }

    private static func table(_ header: [String], numeric: Set<Int>, _ rows: [[String]]) -> String {
        func cells(_ row: [String], tag: String) -> String {
            row.enumerated().map { "<\(tag)\(numeric.contains($0.offset) ? " class=\"n\"" : "")>\(e($0.element))</\(tag)>" }.joined()
        }
        var text = "<table>\n<thead><tr>\(cells(header, tag: "th"))</tr></thead>\n<tbody>\n"
        for row in rows { text += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        return text + "</tbody>\n</table>\n"
    }

    /// Escapes text for HTML and XML alike.
    private static func e(_ text: String) -> String { MarkupText.escaped(text) }
}
