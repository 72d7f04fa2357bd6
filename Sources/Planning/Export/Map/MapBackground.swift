/// The départements under a map: pale shapes with their borders, cut to the map's frame, so that
/// the villages sit in a territory the reader recognises.
enum MapBackground {
    /// Each outline as one path (its rings filled even-odd), in a group clipped to the frame.
    static func drawOutlines(_ svg: inout SVGWriter, _ outlines: [DepartementOutlines.Outline], projection: MapProjection) {
        svg.open(
            "g",
            [
                "id": "departements", "clip-path": "url(#carte-cadre)", "fill": "#efece3", "stroke": "#a39d8f",
                "stroke-width": "0.8", "fill-rule": "evenodd", "stroke-linejoin": "round",
            ])
        for outline in outlines {
            svg.element("path", ["d": path(outline.rings, projection: projection), "data-code": outline.code])
        }
        svg.close("g")
    }

    /// The rings as path data, leaving out points closer than half a unit to the last one kept.
    static func path(_ rings: [[Coordinate]], projection: MapProjection) -> String {
        var data: [String] = []
        for ring in rings {
            var last: (x: Double, y: Double)?
            for (index, coordinate) in ring.enumerated() {
                let point = projection.point(coordinate)
                if let last, index < ring.count - 1, abs(point.x - last.x) + abs(point.y - last.y) < 0.5 { continue }
                data.append((last == nil ? "M" : "L") + SVGWriter.number(point.x) + " " + SVGWriter.number(point.y))
                last = point
            }
            data.append("Z")
        }
        return data.joined()
    }

    /// Where a département's name may go, best first: the centre of its largest ring, then points
    /// of a grid over the frame that lie inside that ring, nearest the centre first.
    static func labelPoints(_ outline: DepartementOutlines.Outline, projection: MapProjection) -> [(x: Double, y: Double)] {
        var best: (area: Double, ring: [(x: Double, y: Double)], centre: (x: Double, y: Double))?
        for ring in outline.rings {
            let points = ring.map(projection.point)
            var twiceArea = 0.0
            var cx = 0.0
            var cy = 0.0
            for (a, b) in zip(points, points.dropFirst() + points.prefix(1)) {
                let cross = a.x * b.y - b.x * a.y
                twiceArea += cross
                cx += (a.x + b.x) * cross
                cy += (a.y + b.y) * cross
            }
            guard abs(twiceArea) > 1e-9, abs(twiceArea) > best?.area ?? 0 else { continue }
            best = (abs(twiceArea), points, (cx / (3 * twiceArea), cy / (3 * twiceArea)))
        }
        guard let best else { return [] }
        let frame = projection.frame
        let step = 24.0
        var inside: [(x: Double, y: Double)] = []
        for row in 0...Int(frame.height / step) {
            for column in 0...Int(frame.width / step) {
                let point = (x: frame.x + Double(column) * step, y: frame.y + Double(row) * step)
                if contains(best.ring, point) { inside.append(point) }
            }
        }
        func distance(_ point: (x: Double, y: Double)) -> Double {
            (point.x - best.centre.x) * (point.x - best.centre.x) + (point.y - best.centre.y) * (point.y - best.centre.y)
        }
        return [best.centre] + inside.sorted { distance($0) < distance($1) }
    }

    /// Whether `point` lies inside `ring` (even-odd rule). O(ring).
    private static func contains(_ ring: [(x: Double, y: Double)], _ point: (x: Double, y: Double)) -> Bool {
        var inside = false
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) where (a.y > point.y) != (b.y > point.y) {
            if point.x < a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x) { inside.toggle() }
        }
        return inside
    }
}
