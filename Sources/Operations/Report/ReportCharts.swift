import CivilTime
import Foundation
import Planning

/// The report's charts as inline SVG fragments, drawn with the planner's `SVGWriter` (every
/// text escaped) so that the HTML stays well-formed XML.
public enum ReportCharts {
    /// Above this many evenings the attendance chart shows one bar per month instead.
    public static let maximumEveningBars = 60
    /// The commune chart shows this many communes, then the rest together.
    public static let maximumCommuneBars = 15

    /// Attendance as bars: one per evening, or one per month for a long season. O(evenings).
    public static func attendance(_ report: SeasonReport) -> String {
        var bars: [(label: String, value: Int)]
        let perEvening = report.evenings.count <= maximumEveningBars
        if perEvening {
            bars = report.evenings.map { evening in
                let date = evening.event.planned.slot.date
                return (CivilDate.twoDigits(date.day) + "/" + CivilDate.twoDigits(date.month), evening.record.entry.attendance)
            }
        } else {
            var months: [String: Int] = [:]
            for evening in report.evenings {
                months[String(evening.event.planned.slot.date.description.prefix(7)), default: 0] += evening.record.entry.attendance
            }
            bars = months.keys.sorted().map { (String($0.dropFirst(5)) + "/" + String($0.prefix(4)), months[$0] ?? 0) }
        }
        let width = 900.0
        let height = 320.0
        let left = 50.0
        let bottom = 50.0
        let top = 40.0
        var svg = SVGWriter(width: width, height: height)
        svg.element(
            "text", ["x": "10", "y": "22", "font-size": "15", "font-weight": "bold"],
            text: perEvening ? "Personnes présentes par soirée" : "Personnes présentes par mois")
        let peak = max(bars.map(\.value).max() ?? 1, 1)
        let plotHeight = height - top - bottom
        let slot = (width - left - 10) / Double(max(bars.count, 1))
        for tick in axisTicks(peak) {
            let y = top + plotHeight * (1 - Double(tick) / Double(peak))
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(left), "y1": SVGWriter.number(y), "x2": SVGWriter.number(width - 10),
                    "y2": SVGWriter.number(y), "stroke": "#dddddd", "stroke-width": "1",
                ])
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(left - 6), "y": SVGWriter.number(y + 4), "font-size": "10",
                    "text-anchor": "end",
                ], text: FrenchNumber.format(tick))
        }
        for (index, bar) in bars.enumerated() {
            let barHeight = plotHeight * Double(bar.value) / Double(peak)
            let x = left + Double(index) * slot
            svg.element(
                "rect",
                [
                    "x": SVGWriter.number(x + slot * 0.15), "y": SVGWriter.number(top + plotHeight - barHeight),
                    "width": SVGWriter.number(slot * 0.7), "height": SVGWriter.number(barHeight), "fill": "#0072B2",
                ],
                text: nil)
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(x + slot / 2), "y": SVGWriter.number(height - bottom + 14),
                    "font-size": "9", "text-anchor": "middle",
                ], text: bar.label)
            if slot >= 24 {
                svg.element(
                    "text",
                    [
                        "x": SVGWriter.number(x + slot / 2), "y": SVGWriter.number(top + plotHeight - barHeight - 4),
                        "font-size": "9", "text-anchor": "middle", "fill": "#333333",
                    ], text: FrenchNumber.format(bar.value))
            }
        }
        svg.element(
            "line",
            [
                "x1": SVGWriter.number(left), "y1": SVGWriter.number(top + plotHeight), "x2": SVGWriter.number(width - 10),
                "y2": SVGWriter.number(top + plotHeight), "stroke": "#222222", "stroke-width": "1",
            ])
        return svg.fragment(title: "Fréquentation", description: "\(bars.count) barres, maximum \(peak) personnes")
    }

    /// Each commune's share of the people reached, as horizontal bars with percentages. O(communes).
    public static func communeShare(_ report: SeasonReport) -> String {
        var rows = report.communes.prefix(maximumCommuneBars).map { ($0.commune.name, $0.attendance) }
        if report.communes.count > maximumCommuneBars {
            let rest = report.communes.dropFirst(maximumCommuneBars)
            rows.append(("\(rest.count) autres communes", rest.reduce(0) { $0 + $1.attendance }))
        }
        let total = max(report.headline.people, 1)
        let rowHeight = 22.0
        let labelWidth = 220.0
        let width = 900.0
        let height = 40 + rowHeight * Double(rows.count) + 10
        var svg = SVGWriter(width: width, height: height)
        svg.element(
            "text", ["x": "10", "y": "22", "font-size": "15", "font-weight": "bold"], text: "Part de chaque commune dans le public")
        let peak = max(rows.map(\.1).max() ?? 1, 1)
        for (index, row) in rows.enumerated() {
            let y = 40 + rowHeight * Double(index)
            let barWidth = (width - labelWidth - 150) * Double(row.1) / Double(peak)
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(labelWidth - 8), "y": SVGWriter.number(y + 15), "font-size": "12",
                    "text-anchor": "end",
                ], text: row.0)
            svg.element(
                "rect",
                [
                    "x": SVGWriter.number(labelWidth), "y": SVGWriter.number(y + 3), "width": SVGWriter.number(barWidth),
                    "height": SVGWriter.number(rowHeight - 6), "fill": "#009E73",
                ])
            let share = 100 * Double(row.1) / Double(total)
            svg.element(
                "text", ["x": SVGWriter.number(labelWidth + barWidth + 6), "y": SVGWriter.number(y + 15), "font-size": "11"],
                text: "\(FrenchNumber.format(row.1)) (\(FrenchNumber.format(share, decimals: 1))\u{00A0}%)")
        }
        return svg.fragment(title: "Part par commune", description: "\(report.communes.count) communes")
    }

    /// The tour map: host communes at their positions sized by attendance, each tour's evenings
    /// joined in date order in its colour, a legend and a scale bar. O(evenings).
    public static func map(_ report: SeasonReport) -> String {
        let width = 900.0
        let height = 620.0
        let legendWidth = 220.0
        let communes = report.communes.map(\.commune)
        let projection = MapProjection(
            fitting: communes.map { Coordinate(latitude: $0.latitude, longitude: $0.longitude) },
            into: (x: 40, y: 50, width: width - legendWidth - 80, height: height - 110))
        func at(_ latitude: Double, _ longitude: Double) -> (x: Double, y: Double) {
            projection.point(Coordinate(latitude: latitude, longitude: longitude))
        }
        var svg = SVGWriter(width: width, height: height)
        svg.element("rect", ["x": "0", "y": "0", "width": SVGWriter.number(width), "height": SVGWriter.number(height), "fill": "#fbfaf6"])
        svg.element("text", ["x": "10", "y": "22", "font-size": "15", "font-weight": "bold"], text: "Carte de la tournée")
        var tours: [String] = []
        for evening in report.evenings where !tours.contains(evening.event.planned.tour ?? "") {
            tours.append(evening.event.planned.tour ?? "")
        }
        for (index, tour) in tours.enumerated() {
            let stops = report.evenings.filter { ($0.event.planned.tour ?? "") == tour }.map {
                at($0.commune.latitude, $0.commune.longitude)
            }
            guard stops.count > 1 else { continue }
            svg.element(
                "polyline",
                [
                    "points": stops.map { "\(SVGWriter.number($0.x)),\(SVGWriter.number($0.y))" }.joined(separator: " "),
                    "fill": "none", "stroke": PlanMapSVG.palette[index % PlanMapSVG.palette.count],
                    "stroke-width": "2", "stroke-opacity": "0.7", "stroke-linejoin": "round",
                ])
        }
        let peak = Double(max(report.communes.map(\.attendance).max() ?? 1, 1))
        let circles = report.communes.map { line in
            (line, at(line.commune.latitude, line.commune.longitude), 3 + 8 * (Double(line.attendance) / peak).squareRoot())
        }
        for (_, point, radius) in circles {
            svg.element(
                "circle",
                [
                    "cx": SVGWriter.number(point.x), "cy": SVGWriter.number(point.y), "r": SVGWriter.number(radius),
                    "fill": "#333333", "fill-opacity": "0.55", "stroke": "#222222", "stroke-width": "1",
                ])
        }
        // Labels after every circle, placed clear of the circles and of each other.
        var placed = circles.map { LabelBox(around: $0.1, radius: $0.2) }
        for (line, point, radius) in circles {
            let label = LabelBox.place(line.commune.name, at: point, radius: radius, avoiding: placed)
            placed.append(label)
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(label.anchorX), "y": SVGWriter.number(label.baseline), "font-size": "11",
                    "text-anchor": label.anchor, "paint-order": "stroke", "stroke": "#fbfaf6", "stroke-width": "3",
                ],
                text: line.commune.name)
        }
        var y = 60.0
        let x = width - legendWidth
        svg.element(
            "text", ["x": SVGWriter.number(x), "y": SVGWriter.number(y), "font-size": "13", "font-weight": "bold"], text: "Légende")
        for (index, tour) in tours.enumerated() {
            y += 20
            let count = report.evenings.filter { ($0.event.planned.tour ?? "") == tour }.count
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(x), "y1": SVGWriter.number(y - 4), "x2": SVGWriter.number(x + 24), "y2": SVGWriter.number(y - 4),
                    "stroke": PlanMapSVG.palette[index % PlanMapSVG.palette.count], "stroke-width": "3",
                ])
            svg.element(
                "text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(y), "font-size": "12"],
                text: "\(tour.isEmpty ? "sans tournée" : tour) (\(count) soirée\(count > 1 ? "s" : ""))")
        }
        y += 26
        svg.element(
            "circle", ["cx": SVGWriter.number(x + 12), "cy": SVGWriter.number(y - 4), "r": "7", "fill": "#333333", "fill-opacity": "0.55"])
        svg.element("text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(y), "font-size": "12"], text: "commune d'accueil")
        svg.element(
            "text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(y + 14), "font-size": "10", "fill": "#555555"],
            text: "surface selon le public")
        PlanMapSVG.drawScaleBar(&svg, projection: projection, x: 40, y: height - 30)
        return svg.fragment(title: "Carte de la tournée", description: "\(communes.count) communes, \(tours.count) tournées")
    }

    /// Round gridline values (1, 2, 5 × 10ⁿ) up to `peak`, about four of them.
    static func axisTicks(_ peak: Int) -> [Int] {
        let raw = Double(peak) / 4
        let magnitude = pow(10, floor(log10(max(raw, 1))))
        let step = Int([1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude)
        return Array(stride(from: step, through: peak, by: max(step, 1)))
    }
}
