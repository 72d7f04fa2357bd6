import CivilTime
import Foundation
import Planning
import Store

/// The report's charts as inline SVG fragments, drawn with the planner's `SVGWriter` (every
/// text escaped) so that the HTML stays well-formed XML.
public enum ReportCharts {
    /// Above this many evenings the attendance chart shows one bar per month instead.
    public static let maximumEveningBars = 60
    /// The commune chart shows this many communes, then the rest together.
    public static let maximumCommuneBars = 15

    /// Attendance as bars: one per evening, or one per month for a long season. O(evenings).
    public static func attendance(_ report: SeasonReport) -> String {
        let perEvening = report.evenings.count <= maximumEveningBars
        let bars = perEvening ? eveningBars(report) : monthBars(report)
        let plot = BarPlot(peak: max(bars.map(\.value).max() ?? 1, 1), barCount: bars.count)
        var svg = SVGWriter(width: plot.width, height: plot.height)
        svg.element(
            "text", ["x": "10", "y": "22", "font-size": "15", "font-weight": "bold"],
            text: perEvening ? "Personnes présentes par soirée" : "Personnes présentes par mois")
        drawGridlines(&svg, plot)
        for (index, bar) in bars.enumerated() { drawBar(&svg, bar, at: index, plot) }
        svg.element(
            "line",
            [
                "x1": SVGWriter.number(plot.left), "y1": SVGWriter.number(plot.top + plot.plotHeight),
                "x2": SVGWriter.number(plot.width - 10), "y2": SVGWriter.number(plot.top + plot.plotHeight), "stroke": "#222222",
                "stroke-width": "1",
            ])
        return svg.fragment(title: "Fréquentation", description: "\(bars.count) barres, maximum \(plot.peak) personnes")
    }

    /// One bar of the attendance chart: its label under the axis and the people it counts.
    private typealias Bar = (label: String, value: Int)

    /// The frame of the attendance chart: its size, margins and the value at the top of the scale.
    private struct BarPlot {
        let width = 900.0
        let height = 320.0
        let left = 50.0
        let bottom = 50.0
        let top = 40.0
        let peak: Int
        let barCount: Int
        var plotHeight: Double { height - top - bottom }
        var slot: Double { (width - left - 10) / Double(max(barCount, 1)) }
    }

    /// One bar per evening, labelled `DD/MM`.
    private static func eveningBars(_ report: SeasonReport) -> [Bar] {
        report.evenings.map { evening in
            let date = evening.event.planned.slot.date
            return (CivilDate.twoDigits(date.day) + "/" + CivilDate.twoDigits(date.month), evening.record.entry.attendance)
        }
    }

    /// One bar per month, labelled `MM/YYYY`, in date order.
    private static func monthBars(_ report: SeasonReport) -> [Bar] {
        var months: [String: Int] = [:]
        for evening in report.evenings {
            months[String(evening.event.planned.slot.date.description.prefix(7)), default: 0] += evening.record.entry.attendance
        }
        return months.keys.sorted().map { (String($0.dropFirst(5)) + "/" + String($0.prefix(4)), months[$0] ?? 0) }
    }

    /// The horizontal gridlines at round values, each with its value on the left.
    private static func drawGridlines(_ svg: inout SVGWriter, _ plot: BarPlot) {
        for tick in axisTicks(plot.peak) {
            let y = plot.top + plot.plotHeight * (1 - Double(tick) / Double(plot.peak))
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(plot.left), "y1": SVGWriter.number(y), "x2": SVGWriter.number(plot.width - 10),
                    "y2": SVGWriter.number(y), "stroke": "#dddddd", "stroke-width": "1",
                ])
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(plot.left - 6), "y": SVGWriter.number(y + 4), "font-size": "10",
                    "text-anchor": "end",
                ], text: FrenchNumber.format(tick))
        }
    }

    /// The bar at `index`, its label under the axis, and its value above it when there is room.
    private static func drawBar(_ svg: inout SVGWriter, _ bar: Bar, at index: Int, _ plot: BarPlot) {
        let slot = plot.slot
        let barHeight = plot.plotHeight * Double(bar.value) / Double(plot.peak)
        let x = plot.left + Double(index) * slot
        svg.element(
            "rect",
            [
                "x": SVGWriter.number(x + slot * 0.15), "y": SVGWriter.number(plot.top + plot.plotHeight - barHeight),
                "width": SVGWriter.number(slot * 0.7), "height": SVGWriter.number(barHeight), "fill": "#0072B2",
            ],
            text: nil)
        svg.element(
            "text",
            [
                "x": SVGWriter.number(x + slot / 2), "y": SVGWriter.number(plot.height - plot.bottom + 14),
                "font-size": "9", "text-anchor": "middle",
            ], text: bar.label)
        if slot >= 24 {
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(x + slot / 2), "y": SVGWriter.number(plot.top + plot.plotHeight - barHeight - 4),
                    "font-size": "9", "text-anchor": "middle", "fill": "#333333",
                ], text: FrenchNumber.format(bar.value))
        }
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

    /// The tour map (`TourMapSVG`): the host communes sized by their public, each tour's held
    /// evenings numbered in date order and its legs as its vehicle drove them, over `outlines`.
    /// O(evenings × communes).
    public static func map(_ report: SeasonReport, outlines: DepartementOutlines?) -> String {
        let communes = report.communes
        let index = Dictionary(communes.enumerated().map { ($0.element.commune.insee, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let peak = Double(max(communes.map(\.attendance).max() ?? 1, 1))
        var tours: [TourMap.Tour] = []
        for evening in report.evenings {
            let planned = evening.event.planned
            let name = planned.tour ?? planned.vehicle
            guard let commune = index[planned.insee] else { continue }
            if tours.last?.name != name, !tours.contains(where: { $0.name == name }) {
                let vehicle = report.vehicles.first { $0.id == planned.vehicle }
                tours.append(TourMap.Tour(name: name, base: vehicle?.base, travel: vehicle?.travel, stops: []))
            }
            let t = tours.firstIndex { $0.name == name }!
            tours[t].stops.append(TourMap.Stop(date: planned.slot.date, commune: commune))
        }
        for t in tours.indices { tours[t].stops.sort { $0.date < $1.date } }
        let map = TourMap(
            title: "Carte de la tournée",
            communes: communes.map { line in
                TourMap.Commune(
                    name: line.commune.name, coordinate: Coordinate(latitude: line.commune.latitude, longitude: line.commune.longitude),
                    radius: 3 + 8 * (Double(line.attendance) / peak).squareRoot(), visit: .served)
            },
            tours: tours, sizeNote: "surface selon le public",
            figures: [
                "\(FrenchNumber.format(report.headline.evenings)) soirées tenues",
                "\(FrenchNumber.format(report.headline.people)) personnes",
            ])
        let (svg, description) = TourMapSVG.drawing(map, outlines: outlines)
        return svg.fragment(title: "Carte de la tournée", description: description)
    }

    /// Round gridline values (1, 2, 5 × 10ⁿ) up to `peak`, about four of them.
    static func axisTicks(_ peak: Int) -> [Int] {
        let raw = Double(peak) / 4
        let magnitude = pow(10, floor(log10(max(raw, 1))))
        let step = Int([1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude)
        return Array(stride(from: step, through: peak, by: max(step, 1)))
    }
}
