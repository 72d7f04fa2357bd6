/// Each tour's legs as its vehicle drives them (`TourLegs`), in the tour's colour and dash; a leg
/// that several tours drive is drawn once per tour, side by side, so that none hides another.
enum MapLegs {
    static func draw(_ svg: inout SVGWriter, _ map: TourMap, projection: MapProjection) {
        let legs = map.tours.map(TourLegs.legs)
        func ends(_ leg: TourLegs.Leg, _ tour: TourMap.Tour) -> (from: (x: Double, y: Double), to: (x: Double, y: Double))? {
            func point(_ commune: Int?) -> (x: Double, y: Double)? {
                if let commune { return projection.point(map.communes[commune].coordinate) }
                return tour.base.map { projection.point($0.coordinate) }
            }
            guard let from = point(leg.from), let to = point(leg.to) else { return nil }
            return (from, to)
        }
        // Legs are shared when their ends are the same places, whichever way they are driven.
        func key(_ from: (x: Double, y: Double), _ to: (x: Double, y: Double)) -> [Double] {
            let a = [from.x, from.y].map { ($0 * 10).rounded() }
            let b = [to.x, to.y].map { ($0 * 10).rounded() }
            return a.lexicographicallyPrecedes(b) ? a + b : b + a
        }
        var sharing: [[Double]: [Int]] = [:]
        for (t, tour) in map.tours.enumerated() {
            for leg in legs[t] {
                guard let (from, to) = ends(leg, tour) else { continue }
                if sharing[key(from, to), default: []].last != t { sharing[key(from, to), default: []].append(t) }
            }
        }
        svg.open("g", ["id": "trajets", "fill": "none", "stroke-width": "2.2", "stroke-opacity": "0.85", "stroke-linecap": "round"])
        for (t, tour) in map.tours.enumerated() {
            svg.open(
                "g",
                [
                    "data-tour": tour.name, "stroke": TourMapSVG.palette[t % TourMapSVG.palette.count],
                    "stroke-dasharray": TourMapSVG.dashes[t % TourMapSVG.dashes.count],
                ])
            for leg in legs[t] {
                guard let (from, to) = ends(leg, tour) else { continue }
                let tours = sharing[key(from, to)] ?? [t]
                let shift = (Double(tours.firstIndex(of: t) ?? 0) - Double(tours.count - 1) / 2) * 3
                // The side is taken along the leg's canonical direction, whichever way a tour drives it.
                let (p, q) = [from.x, from.y].lexicographicallyPrecedes([to.x, to.y]) ? (from, to) : (to, from)
                let length = max(((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)).squareRoot(), 1e-9)
                let normal = (x: -(q.y - p.y) / length * shift, y: (q.x - p.x) / length * shift)
                svg.element(
                    "line",
                    [
                        "x1": SVGWriter.number(from.x + normal.x), "y1": SVGWriter.number(from.y + normal.y),
                        "x2": SVGWriter.number(to.x + normal.x), "y2": SVGWriter.number(to.y + normal.y),
                    ])
            }
            svg.close("g")
        }
        svg.close("g")
    }
}
