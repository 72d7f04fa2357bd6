import CivilTime

/// The names on a map, placed before anything is drawn: the bases first, then the communes in
/// the map's order (each served one with the number and date of its evenings), then the
/// départements in the room left. A name that finds no free place is left out and counted.
struct MapLabels {
    private struct Label {
        let placement: LabelBox.Placement
        let lines: [LabelBox.Line]
        let colour: String
        let italic: Bool
        /// The mark a far label is tied to by a leader line.
        let mark: (x: Double, y: Double)?
    }

    /// A name to place beside its mark, in one or more ways of writing it.
    private struct Request {
        let point: (x: Double, y: Double)
        let colour: String
        /// Each position with the lines written there.
        let candidates: [(placement: LabelBox.Placement, lines: [LabelBox.Line])]
    }

    private let frame: LabelBox
    /// What no name may cover: the marks, the scale bar.
    private let obstacles: [LabelBox]
    private var requests: [Request] = []
    /// The placement of each request, nil for a name left out.
    private var placements: [(placement: LabelBox.Placement, lines: [LabelBox.Line])?] = []
    private var departementLabels: [Label] = []
    /// Names of communes and bases left out for want of room.
    var omitted: Int { placements.filter { $0 == nil }.count }

    /// Labels inside `bounds` (the map and its margins up to the legend), clear of `obstacles`
    /// (the marks, the scale bar).
    init(bounds: LabelBox, obstacles: [LabelBox]) {
        frame = bounds
        self.obstacles = obstacles
    }

    /// The bases' names, then each commune's: its name over the « number · date » of each of its
    /// evenings, or what its mark means when it has none.
    mutating func placeCommunes(_ map: TourMap, numbers: [[Int]], projection: MapProjection) {
        var seenBases = Set<String>()
        for base in map.tours.compactMap(\.base) where seenBases.insert(base.name).inserted {
            place(
                [LabelBox.Line(text: base.name, size: 13, bold: true)], at: projection.point(base.coordinate), radius: 8, colour: "#111111")
        }
        var evenings: [Int: [(number: Int, date: CivilDate)]] = [:]
        for (t, tour) in map.tours.enumerated() {
            for (s, stop) in tour.stops.enumerated() { evenings[stop.commune, default: []].append((numbers[t][s], stop.date)) }
        }
        for (index, commune) in map.communes.enumerated() {
            let at = projection.point(commune.coordinate)
            switch commune.visit {
            case .served:
                let lines = (evenings[index] ?? []).sorted { $0.number < $1.number }.map {
                    LabelBox.Line(text: "\($0.number) · \(FrenchDate.dayAndMonth($0.date))", size: 11, bold: false)
                }
                place(
                    [LabelBox.Line(text: commune.name, size: 12, bold: true)] + lines,
                    at: at, radius: commune.radius, colour: "#222222")
            case .missed:
                place(
                    [
                        LabelBox.Line(text: commune.name, size: 12, bold: false),
                        LabelBox.Line(text: "non planifiée", size: 11, bold: false),
                    ],
                    at: at, radius: commune.radius, colour: "#b00000")
            case .optional:
                place([LabelBox.Line(text: commune.name, size: 11, bold: false)], at: at, radius: commune.radius, colour: "#6f6f6f")
            }
        }
    }

    /// Each département's name and code at its centre, or the nearest free place inside it on the
    /// map; a département with no such place goes without.
    mutating func placeDepartements(_ outlines: [DepartementOutlines.Outline], projection: MapProjection) {
        for outline in outlines {
            let line = LabelBox.Line(text: "\(outline.name) (\(outline.code))", size: 13, bold: false)
            let width = LabelBox.width(line)
            let height = LabelBox.height(line)
            let boxes = MapBackground.labelPoints(outline, projection: projection).lazy.map { centre in
                LabelBox(minX: centre.x - width / 2, minY: centre.y - height / 2, maxX: centre.x + width / 2, maxY: centre.y + height / 2)
            }
            let all = taken() + departementLabels.map(\.placement.box)
            let map = projection.frame
            let inside = LabelBox(minX: map.x, minY: map.y, maxX: map.x + map.width, maxY: map.y + map.height)
            guard let box = boxes.first(where: { inside.holds($0) && isFree($0, among: all) }) else { continue }
            departementLabels.append(
                Label(
                    placement: LabelBox.Placement(box: box, anchor: .middle, isFar: false), lines: [line], colour: "#8a8373", italic: true,
                    mark: nil))
        }
    }

    /// Everything a new name must keep clear of, but the name of request `skipping`.
    private func taken(skipping: Int? = nil) -> [LabelBox] {
        obstacles + placements.enumerated().compactMap { $0.offset == skipping ? nil : $0.element?.placement.box }
    }

    private func isFree(_ box: LabelBox, among taken: [LabelBox]) -> Bool {
        frame.holds(box) && !taken.contains { $0.overlaps(box) }
    }

    /// Places a name at its first free position, its long name on one line, then cut at a hyphen
    /// on two; when there is none, tries each position that up to three names placed before
    /// block, moving them to other free positions of their own.
    private mutating func place(_ lines: [LabelBox.Line], at point: (x: Double, y: Double), radius: Double, colour: String) {
        let variants = [lines] + (Self.cut(lines[0]).map { [[$0.0, $0.1] + lines.dropFirst()] } ?? [])
        let candidates = variants.flatMap { variant in
            LabelBox.candidates(variant, at: point, radius: radius).map { (placement: $0, lines: variant) }
        }
        let request = Request(point: point, colour: colour, candidates: candidates)
        requests.append(request)
        let all = taken()
        if let free = request.candidates.first(where: { isFree($0.placement.box, among: all) }) {
            placements.append(free)
            return
        }
        placements.append(nil)
        for candidate in request.candidates
        where frame.holds(candidate.placement.box) && !obstacles.contains(where: { $0.overlaps(candidate.placement.box) }) {
            let blockers = placements.indices.filter { placements[$0]?.placement.box.overlaps(candidate.placement.box) ?? false }
            guard (1...3).contains(blockers.count) else { continue }
            let before = placements
            placements[placements.count - 1] = candidate
            let movedAll = blockers.allSatisfy { blocker in
                let others = taken(skipping: blocker)
                guard let moved = requests[blocker].candidates.first(where: { isFree($0.placement.box, among: others) }) else {
                    return false
                }
                placements[blocker] = moved
                return true
            }
            if movedAll { return }
            placements = before
        }
    }

    /// A name of more than twelve letters cut at its hyphen nearest the middle
    /// (« Saint-Laurent- » over « d'Oingt »); nil for a shorter name or one without a hyphen.
    private static func cut(_ line: LabelBox.Line) -> (LabelBox.Line, LabelBox.Line)? {
        let text = Array(line.text)
        guard text.count > 12 else { return nil }
        let middle = Double(text.count) / 2
        guard
            let at = text.indices.filter({ text[$0] == "-" && $0 > 0 && $0 < text.count - 1 }).min(by: {
                abs(Double($0) - middle) < abs(Double($1) - middle)
            })
        else { return nil }
        return (
            LabelBox.Line(text: String(text[...at]), size: line.size, bold: line.bold),
            LabelBox.Line(text: String(text[(at + 1)...]), size: line.size, bold: line.bold)
        )
    }

    /// The départements' names, to draw under the legs.
    func drawDepartementNames(_ svg: inout SVGWriter) { Self.draw(&svg, departementLabels, id: "noms-departements") }

    /// The bases' and communes' names, to draw over everything.
    func drawCommuneNames(_ svg: inout SVGWriter) {
        let labels = zip(requests, placements).compactMap { request, chosen in
            chosen.map {
                Label(
                    placement: $0.placement, lines: $0.lines, colour: request.colour, italic: false,
                    mark: $0.placement.isFar ? request.point : nil)
            }
        }
        Self.draw(&svg, labels, id: "etiquettes")
    }

    private static func draw(_ svg: inout SVGWriter, _ labels: [Label], id: String) {
        svg.open("g", ["id": id, "paint-order": "stroke", "stroke": TourMapSVG.paper, "stroke-width": "3", "stroke-linejoin": "round"])
        // Leaders first, so that none crosses a name.
        for label in labels {
            if let mark = label.mark {
                let end = label.placement.box.nearest(to: mark)
                svg.element(
                    "line",
                    [
                        "x1": SVGWriter.number(mark.x), "y1": SVGWriter.number(mark.y), "x2": SVGWriter.number(end.x),
                        "y2": SVGWriter.number(end.y), "stroke": "#6f6f6f", "stroke-width": "0.8", "class": "renvoi",
                    ])
            }
        }
        for label in labels {
            let baselines = label.placement.box.baselines(of: label.lines)
            let x = SVGWriter.number(label.placement.anchorX)
            svg.text(
                [
                    ("x", x), ("y", SVGWriter.number(baselines[0])), ("text-anchor", label.placement.anchor.rawValue),
                    ("fill", label.colour), ("font-style", label.italic ? "italic" : "normal"), ("class", "etiquette"),
                ],
                spans: zip(label.lines, baselines).map { line, baseline in
                    (
                        [
                            ("x", x), ("y", SVGWriter.number(baseline)), ("font-size", SVGWriter.number(line.size)),
                            ("font-weight", line.bold ? "bold" : "normal"),
                        ], line.text
                    )
                })
        }
        svg.close("g")
    }
}
