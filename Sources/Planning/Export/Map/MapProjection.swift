import Foundation

/// Projects WGS84 positions onto a drawing: equirectangular around the mean latitude (distances
/// are right to within a fraction of a percent over a département), fitted into the frame.
public struct MapProjection: Sendable {
    private static let kmPerDegree = 111.195
    private let minLongitude: Double
    private let maxLatitude: Double
    private let cosine: Double
    /// Drawing units per kilometre.
    public let unitsPerKm: Double
    private let offset: (x: Double, y: Double)
    /// The frame the points were fitted into (x, y, width, height).
    public let frame: (x: Double, y: Double, width: Double, height: Double)

    /// Fits `points` into `frame` with the same scale on both axes, leaving `margin` (a share of
    /// the frame's side) free on each side so that the points' labels and surroundings show.
    public init(fitting points: [Coordinate], into frame: (x: Double, y: Double, width: Double, height: Double), margin: Double = 0) {
        self.frame = frame
        let latitudes = points.map(\.latitude)
        let longitudes = points.map(\.longitude)
        let meanLatitude = latitudes.isEmpty ? 46.5 : latitudes.reduce(0, +) / Double(latitudes.count)
        cosine = cos(meanLatitude * .pi / 180)
        minLongitude = longitudes.min() ?? 0
        maxLatitude = latitudes.max() ?? 0
        let spanX = max(((longitudes.max() ?? 0) - minLongitude) * cosine * Self.kmPerDegree, 1)
        let spanY = max((maxLatitude - (latitudes.min() ?? 0)) * Self.kmPerDegree, 1)
        let room = 1 - 2 * margin
        unitsPerKm = min(frame.width * room / spanX, frame.height * room / spanY)
        offset = (frame.x + (frame.width - spanX * unitsPerKm) / 2, frame.y + (frame.height - spanY * unitsPerKm) / 2)
    }

    /// The drawing position of a coordinate.
    public func point(_ coordinate: Coordinate) -> (x: Double, y: Double) {
        (
            offset.x + (coordinate.longitude - minLongitude) * cosine * Self.kmPerDegree * unitsPerKm,
            offset.y + (maxLatitude - coordinate.latitude) * Self.kmPerDegree * unitsPerKm
        )
    }

    /// The longitudes and latitudes the frame shows.
    public var view: GeoBounds {
        let xScale = cosine * Self.kmPerDegree * unitsPerKm
        let yScale = Self.kmPerDegree * unitsPerKm
        return GeoBounds(
            minLongitude: minLongitude + (frame.x - offset.x) / xScale,
            maxLongitude: minLongitude + (frame.x + frame.width - offset.x) / xScale,
            minLatitude: maxLatitude - (frame.y + frame.height - offset.y) / yScale,
            maxLatitude: maxLatitude - (frame.y - offset.y) / yScale)
    }
}
