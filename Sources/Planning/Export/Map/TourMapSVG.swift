import Foundation
import TextFormats

/// Draws a `TourMap` as SVG, bottom to top: the départements in view, each tour's legs (a leg two
/// tours share drawn side by side, each tour with its own dash as well as its colour), the
/// communes, the bases on top, then the names beside their marks with each evening's number and
/// date, never on top of one another. Same map, same bytes.
public enum TourMapSVG {
    /// Colour-blind-safe palette (Okabe & Ito), one colour per tour in map order.
    public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
    /// One dash pattern per tour beside its colour, so that tours stay apart in grey print and
    /// for readers who do not tell the colours apart.
    static let dashes = ["none", "10 5", "3 4", "14 4 3 4"]

    static let width = 960.0
    static let height = 700.0
    static let legendWidth = 290.0
    static let paper = "#fbfaf6"

    /// The drawing, to embed (`fragment`) or to save (`rendered`); `outlines` nil draws no
    /// background and says so in the legend.
    public static func drawing(_ map: TourMap, outlines: DepartementOutlines?) -> (svg: SVGWriter, description: String) {
        let frame = (x: 12.0, y: 40.0, width: width - legendWidth - 24, height: height - 52)
        let places = map.communes.map(\.coordinate) + map.tours.compactMap { $0.base?.coordinate }
        let projection = MapProjection(fitting: places, into: frame, margin: 0.08)
        var svg = SVGWriter(width: width, height: height)
        svg.element("rect", ["x": "0", "y": "0", "width": SVGWriter.number(width), "height": SVGWriter.number(height), "fill": paper])
        svg.open("defs")
        svg.open("clipPath", ["id": "carte-cadre"])
        svg.element(
            "rect",
            [
                "x": SVGWriter.number(frame.x), "y": SVGWriter.number(frame.y), "width": SVGWriter.number(frame.width),
                "height": SVGWriter.number(frame.height),
            ])
        svg.close("clipPath")
        svg.close("defs")
        let shown = outlines?.inView(projection.view) ?? []
        // The names are placed first, clear of every mark, and drawn last but for the
        // départements', which lie under the legs.
        var labels = MapLabels(
            bounds: LabelBox(minX: 2, minY: 32, maxX: width - legendWidth + 4, maxY: height - 2),
            obstacles: markBoxes(map, projection: projection) + [scaleBarBox(projection)])
        labels.placeCommunes(map, numbers: map.numbers, projection: projection)
        labels.placeDepartements(shown, projection: projection)
        MapBackground.drawOutlines(&svg, shown, projection: projection)
        labels.drawDepartementNames(&svg)
        MapLegs.draw(&svg, map, projection: projection)
        drawMarks(&svg, map, projection: projection)
        labels.drawCommuneNames(&svg)
        svg.element("text", ["x": "12", "y": "26", "font-size": "18", "font-weight": "bold"], text: map.title)
        MapLegend.draw(
            &svg, map, x: width - legendWidth + 8, y: 50, omitted: labels.omitted,
            background: outlines == nil
                ? "Fond de carte indisponible (fichier des départements absent)" : "Fond : IGN GEOFLA, Licence Ouverte")
        drawScaleBar(&svg, projection: projection, x: frame.x + 14, y: frame.y + frame.height - 18)
        let served = map.communes.filter { $0.visit == .served }.count
        let evenings = map.tours.reduce(0) { $0 + $1.stops.count }
        let departements = shown.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
        let description =
            "Carte des tournées : \(evenings) soirées, \(served) communes desservies sur \(map.communes.count)"
            + (departements.isEmpty ? "." : " ; départements : \(departements).")
        return (svg, description)
    }

    /// The map as a standalone SVG document.
    public static func render(_ map: TourMap, outlines: DepartementOutlines?) -> String {
        let (svg, description) = drawing(map, outlines: outlines)
        return svg.rendered(title: "Carte — \(map.title)", description: description)
    }

    /// The boxes of the communes' circles and the bases' squares, which the labels keep clear of.
    private static func markBoxes(_ map: TourMap, projection: MapProjection) -> [LabelBox] {
        map.communes.map { LabelBox(around: projection.point($0.coordinate), radius: $0.radius + 1) }
            + map.tours.compactMap(\.base).map { LabelBox(around: projection.point($0.coordinate), radius: 8) }
    }

    /// Every commune's circle, then the bases as squares on top.
    private static func drawMarks(_ svg: inout SVGWriter, _ map: TourMap, projection: MapProjection) {
        svg.open("g", ["id": "communes"])
        for commune in map.communes {
            let at = projection.point(commune.coordinate)
            let style: [(String, String)] =
                switch commune.visit {
                case .served: [("fill", "#333333"), ("stroke", "#ffffff"), ("stroke-width", "1")]
                case .missed: [("fill", "#ffffff"), ("stroke", "#c00000"), ("stroke-width", "2"), ("stroke-dasharray", "3 2")]
                case .optional: [("fill", "#ffffff"), ("stroke", "#8c8c8c"), ("stroke-width", "1")]
                }
            svg.element(
                "circle",
                attributes: [
                    ("cx", SVGWriter.number(at.x)), ("cy", SVGWriter.number(at.y)), ("r", SVGWriter.number(commune.radius)),
                    ("class", "marque"),
                ] + style)
        }
        svg.close("g")
        svg.open("g", ["id": "bases"])
        var drawn = Set<String>()
        for base in map.tours.compactMap(\.base) where drawn.insert(base.name).inserted {
            let at = projection.point(base.coordinate)
            svg.element(
                "rect",
                [
                    "x": SVGWriter.number(at.x - 7), "y": SVGWriter.number(at.y - 7), "width": "14", "height": "14",
                    "fill": "#111111", "stroke": "#ffffff", "stroke-width": "2", "class": "marque base",
                ])
        }
        svg.close("g")
    }

    /// The box the scale bar takes, kept free of labels.
    private static func scaleBarBox(_ projection: MapProjection) -> LabelBox {
        let frame = projection.frame
        return LabelBox(minX: frame.x, minY: frame.y + frame.height - 34, maxX: frame.x + 210, maxY: frame.y + frame.height)
    }

    /// A bar of a round length (1, 2, 5 × 10ⁿ km) close to 120 drawing units.
    static func drawScaleBar(_ svg: inout SVGWriter, projection: MapProjection, x: Double, y: Double) {
        let target = 120 / projection.unitsPerKm
        let magnitude = pow(10, floor(log10(target)))
        let km = [1.0, 2, 5, 10].map { $0 * magnitude }.last { $0 <= target } ?? magnitude
        let length = km * projection.unitsPerKm
        svg.open("g", ["id": "echelle", "stroke": "#222222"])
        svg.element(
            "line",
            [
                "x1": SVGWriter.number(x), "y1": SVGWriter.number(y), "x2": SVGWriter.number(x + length), "y2": SVGWriter.number(y),
                "stroke-width": "3",
            ])
        for tick in [x, x + length] {
            svg.element(
                "line",
                [
                    "x1": SVGWriter.number(tick), "y1": SVGWriter.number(y - 5), "x2": SVGWriter.number(tick),
                    "y2": SVGWriter.number(y + 5), "stroke-width": "2",
                ])
        }
        svg.close("g")
        let label = km >= 1 ? JSONOutput.fixed(km, decimals: 0) : JSONOutput.fixed(km, decimals: 1)
        svg.element("text", ["x": SVGWriter.number(x + length + 8), "y": SVGWriter.number(y + 4), "font-size": "12"], text: "\(label) km")
    }
}
