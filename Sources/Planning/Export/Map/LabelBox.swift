/// Where a map label goes: the first of 24 positions around its point that overlaps no label
/// or mark already placed and stays inside the map's frame; none when all are taken, so that a
/// crowded map leaves a name out (and says so) rather than print two on top of each other.
struct LabelBox {
    let minX: Double, minY: Double, maxX: Double, maxY: Double

    /// One line of a label.
    struct Line {
        let text: String
        let size: Double
        let bold: Bool
    }

    /// A generous estimate of a sans-serif line's width: wider than Chromium's DejaVu Sans or
    /// Liberation Sans draw it, so that estimated boxes that do not meet never show meeting.
    static func width(_ line: Line) -> Double { Double(line.text.count) * line.size * (line.bold ? 0.64 : 0.58) }

    /// The height a line takes in a block.
    static func height(_ line: Line) -> Double { line.size * 1.25 }

    /// The baselines of `lines` in a block whose top is `minY`.
    func baselines(of lines: [Line]) -> [Double] {
        var top = minY
        return lines.map { line in
            defer { top += Self.height(line) }
            return top + line.size * 0.95
        }
    }

    /// Which side of the box the text hangs from, so that it hugs its mark however much narrower
    /// than the estimate it is drawn.
    enum Anchor: String {
        case start, middle, end
    }

    /// A label's box and the side its text hangs from; `isFar` when it sits a step away from its
    /// mark and needs a leader line.
    struct Placement {
        let box: LabelBox
        let anchor: Anchor
        let isFar: Bool

        /// The x the text is anchored at.
        var anchorX: Double {
            switch anchor {
            case .start: box.minX
            case .middle: (box.minX + box.maxX) / 2
            case .end: box.maxX
            }
        }
    }

    /// The 24 positions of `lines` around a mark of `radius` at `point`, best first: eight
    /// beside the mark, then eight one step and eight two steps away.
    static func candidates(_ lines: [Line], at point: (x: Double, y: Double), radius: Double) -> [Placement] {
        let width = lines.map(width).max() ?? 0
        let height = lines.map(height).reduce(0, +)
        return [(radius + 3, false), (radius + 22, true), (radius + 44, true)].flatMap { step, isFar in
            let slant = step * 0.7
            let corners: [(x: Double, y: Double, anchor: Anchor)] = [
                (point.x + step, point.y - height / 2, .start),
                (point.x - step - width, point.y - height / 2, .end),
                (point.x - width / 2, point.y - step - height, .middle),
                (point.x - width / 2, point.y + step, .middle),
                (point.x + slant, point.y - slant - height, .start),
                (point.x + slant, point.y + slant, .start),
                (point.x - slant - width, point.y - slant - height, .end),
                (point.x - slant - width, point.y + slant, .end),
            ]
            return corners.map { corner in
                Placement(
                    box: LabelBox(minX: corner.x, minY: corner.y, maxX: corner.x + width, maxY: corner.y + height), anchor: corner.anchor,
                    isFar: isFar)
            }
        }
    }

    /// The point of the box nearest to `point`, where a leader line ends.
    func nearest(to point: (x: Double, y: Double)) -> (x: Double, y: Double) {
        (min(max(point.x, minX), maxX), min(max(point.y, minY), maxY))
    }

    /// The square around a mark, as an obstacle for labels.
    init(around point: (x: Double, y: Double), radius: Double) {
        self.init(minX: point.x - radius, minY: point.y - radius, maxX: point.x + radius, maxY: point.y + radius)
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    func overlaps(_ other: LabelBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func holds(_ other: LabelBox) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }
}
