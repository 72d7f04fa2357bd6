/// Where a map label goes: the first of a few positions around its point (right, left, above,
/// below) that does not overlap a label already placed, so clustered villages stay readable.
struct LabelBox {
    let minX: Double, minY: Double, maxX: Double, maxY: Double
    /// The SVG `text-anchor` and the anchor's x.
    let anchor: String, anchorX: Double
    /// The text's baseline y.
    let baseline: Double

    /// The width of an 11-unit sans-serif label, estimated from its length.
    static func width(_ text: String) -> Double { Double(text.count) * 6.2 }

    /// The first candidate free of `placed`, else the first (right of the point). O(placed).
    static func place(_ text: String, at point: (x: Double, y: Double), radius: Double, avoiding placed: [LabelBox]) -> LabelBox {
        let width = width(text)
        let gap = radius + 3
        let candidates = [
            LabelBox(x: point.x + gap, baseline: point.y + 4, width: width, anchor: "start"),
            LabelBox(x: point.x - gap - width, baseline: point.y + 4, width: width, anchor: "end"),
            LabelBox(x: point.x - width / 2, baseline: point.y - gap - 2, width: width, anchor: "middle"),
            LabelBox(x: point.x - width / 2, baseline: point.y + gap + 11, width: width, anchor: "middle"),
            LabelBox(x: point.x + gap, baseline: point.y + 16, width: width, anchor: "start"),
            LabelBox(x: point.x - gap - width, baseline: point.y - 8, width: width, anchor: "end"),
        ]
        return candidates.first { candidate in !placed.contains { $0.overlaps(candidate) } } ?? candidates[0]
    }

    /// The square around a circle, as an obstacle for labels.
    init(around point: (x: Double, y: Double), radius: Double) {
        minX = point.x - radius
        maxX = point.x + radius
        minY = point.y - radius
        maxY = point.y + radius
        anchor = "start"
        anchorX = minX
        baseline = maxY
    }

    private init(x: Double, baseline: Double, width: Double, anchor: String) {
        minX = x
        maxX = x + width
        minY = baseline - 10
        maxY = baseline + 2
        self.baseline = baseline
        self.anchor = anchor
        anchorX = anchor == "start" ? x : anchor == "end" ? x + width : x + width / 2
    }

    private func overlaps(_ other: LabelBox) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}
