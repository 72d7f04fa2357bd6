/// The legend beside a map: each tour's line as drawn, the marks, how to read a label, the
/// figures, what was left out and where the background comes from.
enum MapLegend {
    static func draw(
        _ svg: inout SVGWriter, _ map: TourMap, x: Double, y: Double, omitted: Int, background: String
    ) {
        var line = y
        func text(_ content: String, size: Double = 12, dx: Double = 30, colour: String = "#222222", bold: Bool = false) {
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(x + dx), "y": SVGWriter.number(line), "font-size": SVGWriter.number(size), "fill": colour,
                    "font-weight": bold ? "bold" : "normal",
                ], text: content)
        }
        svg.open("g", ["id": "legende"])
        text("Légende", size: 14, dx: 0, bold: true)
        line += 24
        for (t, tour) in map.tours.enumerated() {
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(x), "y1": SVGWriter.number(line - 4), "x2": SVGWriter.number(x + 24),
                    "y2": SVGWriter.number(line - 4), "stroke": TourMapSVG.palette[t % TourMapSVG.palette.count], "stroke-width": "3",
                    "stroke-dasharray": TourMapSVG.dashes[t % TourMapSVG.dashes.count],
                ])
            let count = tour.stops.count
            text("\(tour.name) (\(count) soirée\(count > 1 ? "s" : ""))")
            line += 19
        }
        let travels = Set(map.tours.compactMap(\.travel))
        if travels.contains(.returnToBase) {
            text("trait : aller-retour depuis la base", size: 11, colour: "#555555")
            line += 15
        }
        if travels.contains(.straightOn) {
            text("trait : de village en village les soirs", size: 11, colour: "#555555")
            line += 14
            text("qui se suivent, sinon retour à la base", size: 11, colour: "#555555")
            line += 15
        }
        line += 8
        if !map.tours.compactMap(\.base).isEmpty {
            svg.element(
                "rect",
                [
                    "x": SVGWriter.number(x + 5), "y": SVGWriter.number(line - 11), "width": "14", "height": "14", "fill": "#111111",
                ])
            text("base (départ et retour)")
            line += 22
        }
        mark(&svg, x: x, y: line, ["fill": "#333333"])
        text("commune desservie")
        line += 15
        text("« 3 · 12 juin » : 3ᵉ soirée, sa date", size: 11, colour: "#555555")
        line += 20
        if map.communes.contains(where: { $0.visit == .missed }) {
            mark(&svg, x: x, y: line, ["fill": "#ffffff", "stroke": "#c00000", "stroke-width": "2", "stroke-dasharray": "3 2"])
            text("visite souhaitée, non planifiée")
            line += 20
        }
        if map.communes.contains(where: { $0.visit == .optional }) {
            mark(&svg, x: x, y: line, ["fill": "#ffffff", "stroke": "#8c8c8c", "stroke-width": "1"])
            text("visite facultative, non planifiée")
            line += 20
        }
        text(map.sizeNote, size: 11, colour: "#555555")
        line += 26
        for figure in map.figures {
            text(figure, dx: 0)
            line += 18
        }
        if omitted > 0 {
            line += 4
            text("\(omitted) nom\(omitted > 1 ? "s" : "") omis faute de place", size: 11, dx: 0, colour: "#555555")
            line += 16
        }
        line += 4
        text(background, size: 10, dx: 0, colour: "#777777")
        svg.close("g")
    }

    private static func mark(_ svg: inout SVGWriter, x: Double, y: Double, _ style: KeyValuePairs<String, String>) {
        svg.element(
            "circle",
            attributes: [("cx", SVGWriter.number(x + 12)), ("cy", SVGWriter.number(y - 4)), ("r", "6")] + style.map { ($0.key, $0.value) })
    }
}
