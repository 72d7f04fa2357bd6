import Foundation
import TextFormats

/// `map.svg`: the bases and host communes at their positions, each tour's legs in its own colour,
/// communes sized by population, unserved communes marked, with a legend and a scale bar.
public enum PlanMapSVG {
    /// Colour-blind-safe palette (Okabe & Ito), one colour per tour in season order.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]

    /// The map as SVG text. Same plan, same bytes.
    public static func render(_ plan: Plan) -> String {
        let season = plan.season
        let width = 900.0
        let height = 700.0
        let legendWidth = 230.0
        let places = season.communes.map(\.coordinate) + season.vehicles.map(\.base.coordinate)
        let projection = MapProjection(fitting: places, into: (x: 30, y: 40, width: width - legendWidth - 60, height: height - 110))
        var svg = SVGWriter(width: width, height: height)
        svg.element("rect", ["x": "0", "y": "0", "width": SVGWriter.number(width), "height": SVGWriter.number(height), "fill": "#fbfaf6"])
        svg.element("text", ["x": "30", "y": "26", "font-size": "18", "font-weight": "bold"], text: season.name)
        drawTours(&svg, plan, projection: projection)
        drawCommunes(&svg, plan, projection: projection)
        drawBases(&svg, season, projection: projection)
        drawLegend(&svg, plan: plan, x: width - legendWidth, y: 50)
        drawScaleBar(&svg, projection: projection, x: 30, y: height - 40)
        let description =
            "Carte des tournées : \(plan.summary.evenings) soirées, \(plan.summary.communesServed) communes desservies sur \(plan.summary.communes)."
        return svg.rendered(title: "Carte — \(season.name)", description: description)
    }

    /// Each tour's legs as driven, in its colour: from the base or the previous village, and home
    /// after the last for a vehicle that goes straight on.
    private static func drawTours(_ svg: inout SVGWriter, _ plan: Plan, projection: MapProjection) {
        let season = plan.season
        for (t, tour) in season.tours.enumerated() {
            let colour = palette[t % palette.count]
            guard let vehicle = season.vehicle(id: tour.vehicleID) else { continue }
            let base = projection.point(vehicle.base.coordinate)
            let tourEvents = plan.events.filter { $0.tour == tour.name }
            let points = tourEvents.map { event in
                season.communes.first { $0.insee == event.insee }.map { projection.point($0.coordinate) } ?? base
            }
            svg.open("g", ["stroke": colour, "stroke-width": "2", "fill": "none", "stroke-opacity": "0.75"])
            // Each leg as driven: from the base or the previous village, and home after the last.
            for (index, event) in tourEvents.enumerated() {
                let from = event.from == vehicle.base.name || index == 0 ? base : points[index - 1]
                if vehicle.travel == .straightOn, from == base, index > 0, points[index - 1] != base {
                    segment(&svg, points[index - 1], base)
                }
                segment(&svg, from, points[index])
            }
            if vehicle.travel == .straightOn, let last = points.last { segment(&svg, last, base) }
            svg.close("g")
        }
    }

    /// Every host commune sized by its population, those the plan leaves out marked in red.
    private static func drawCommunes(_ svg: inout SVGWriter, _ plan: Plan, projection: MapProjection) {
        let season = plan.season
        let served = Set(plan.events.map(\.insee))
        for commune in season.communes {
            let at = projection.point(commune.coordinate)
            let radius = 3 + 2 * log10(Double(max(commune.population, 10)))
            let isServed = served.contains(commune.insee)
            svg.element(
                "circle",
                [
                    "cx": SVGWriter.number(at.x), "cy": SVGWriter.number(at.y), "r": SVGWriter.number(radius),
                    "fill": isServed ? "#333333" : "#ffffff", "stroke": isServed ? "#333333" : "#c00000",
                    "stroke-width": isServed ? "1" : "2", "stroke-dasharray": isServed ? "none" : "3,2",
                ])
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(at.x + radius + 3), "y": SVGWriter.number(at.y + 4), "font-size": "11",
                    "fill": isServed ? "#222222" : "#c00000",
                ],
                text: isServed ? commune.name : commune.name + " (non desservie)")
        }
    }

    /// The vehicles' bases, as squares with their names.
    private static func drawBases(_ svg: inout SVGWriter, _ season: Season, projection: MapProjection) {
        for vehicle in season.vehicles {
            let at = projection.point(vehicle.base.coordinate)
            svg.element(
                "rect",
                [
                    "x": SVGWriter.number(at.x - 6), "y": SVGWriter.number(at.y - 6), "width": "12", "height": "12",
                    "fill": "#222222",
                ])
            svg.element(
                "text",
                [
                    "x": SVGWriter.number(at.x + 9), "y": SVGWriter.number(at.y - 8), "font-size": "12",
                    "font-weight": "bold",
                ], text: vehicle.base.name)
        }
    }

    private static func segment(_ svg: inout SVGWriter, _ from: (x: Double, y: Double), _ to: (x: Double, y: Double)) {
        svg.element(
            "line",
            [
                "x1": SVGWriter.number(from.x), "y1": SVGWriter.number(from.y),
                "x2": SVGWriter.number(to.x), "y2": SVGWriter.number(to.y),
            ])
    }

    private static func drawLegend(_ svg: inout SVGWriter, plan: Plan, x: Double, y: Double) {
        svg.element(
            "text", ["x": SVGWriter.number(x), "y": SVGWriter.number(y), "font-size": "13", "font-weight": "bold"], text: "Légende")
        var line = y + 22
        for (t, tour) in plan.season.tours.enumerated() {
            let count = plan.events.filter { $0.tour == tour.name }.count
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(x), "y1": SVGWriter.number(line - 4), "x2": SVGWriter.number(x + 24),
                    "y2": SVGWriter.number(line - 4), "stroke": palette[t % palette.count], "stroke-width": "3",
                ])
            svg.element(
                "text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(line), "font-size": "12"],
                text: "\(tour.name) (\(count) soirée\(count > 1 ? "s" : ""))")
            line += 20
        }
        svg.element(
            "rect", ["x": SVGWriter.number(x + 6), "y": SVGWriter.number(line - 10), "width": "12", "height": "12", "fill": "#222222"])
        svg.element("text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(line), "font-size": "12"], text: "base")
        line += 20
        svg.element("circle", ["cx": SVGWriter.number(x + 12), "cy": SVGWriter.number(line - 4), "r": "6", "fill": "#333333"])
        svg.element("text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(line), "font-size": "12"], text: "commune desservie")
        svg.element(
            "text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(line + 14), "font-size": "10", "fill": "#555555"],
            text: "taille selon la population")
        line += 34
        svg.element(
            "circle",
            [
                "cx": SVGWriter.number(x + 12), "cy": SVGWriter.number(line - 4), "r": "6", "fill": "#ffffff",
                "stroke": "#c00000", "stroke-width": "2", "stroke-dasharray": "3,2",
            ])
        svg.element("text", ["x": SVGWriter.number(x + 30), "y": SVGWriter.number(line), "font-size": "12"], text: "commune non desservie")
        line += 28
        let summary = plan.summary
        for text in [
            "\(summary.evenings) soirées sur \(summary.eveningsWanted)",
            "\(JSONOutput.fixed(summary.km, decimals: 0)) km, \(JSONOutput.fixed(summary.co2Kg, decimals: 0)) kg de CO2",
        ] {
            svg.element("text", ["x": SVGWriter.number(x), "y": SVGWriter.number(line), "font-size": "12"], text: text)
            line += 18
        }
    }

    /// A bar of a round length (1, 2, 5 × 10ⁿ km) close to 120 drawing units.
    public static func drawScaleBar(_ svg: inout SVGWriter, projection: MapProjection, x: Double, y: Double) {
        let target = 120 / projection.unitsPerKm
        let magnitude = pow(10, floor(log10(target)))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let length = km * projection.unitsPerKm
        svg.element(
            "line",
            [
                "x1": SVGWriter.number(x), "y1": SVGWriter.number(y), "x2": SVGWriter.number(x + length),
                "y2": SVGWriter.number(y), "stroke": "#222222", "stroke-width": "3",
            ])
        for tick in [x, x + length] {
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(tick), "y1": SVGWriter.number(y - 5), "x2": SVGWriter.number(tick),
                    "y2": SVGWriter.number(y + 5), "stroke": "#222222", "stroke-width": "2",
                ])
        }
        let label = km >= 1 ? JSONOutput.fixed(km, decimals: 0) : JSONOutput.fixed(km, decimals: 1)
        svg.element("text", ["x": SVGWriter.number(x + length + 8), "y": SVGWriter.number(y + 4), "font-size": "12"], text: "\(label) km")
    }
}
