import Foundation

/// Projects WGS84 positions onto a drawing: equirectangular around the mean latitude (distances
/// are right to within a fraction of a percent over a département), fitted into the frame.
public struct MapProjection: Sendable {
    private let minLongitude: Double
    private let maxLatitude: Double
    private let cosine: Double
    /// Drawing units per kilometre.
    public let unitsPerKm: Double
    private let offset: (x: Double, y: Double)

    /// Fits `points` into `frame` (x, y, width, height) with the same scale on both axes.
    public init(fitting points: [Coordinate], into frame: (x: Double, y: Double, width: Double, height: Double)) {
        let latitudes = points.map(\.latitude)
        let longitudes = points.map(\.longitude)
        let meanLatitude = latitudes.isEmpty ? 46.5 : latitudes.reduce(0, +) / Double(latitudes.count)
        cosine = cos(meanLatitude * .pi / 180)
        minLongitude = longitudes.min() ?? 0
        maxLatitude = latitudes.max() ?? 0
        let kmPerDegree = 111.195
        let spanX = max(((longitudes.max() ?? 0) - minLongitude) * cosine * kmPerDegree, 1)
        let spanY = max((maxLatitude - (latitudes.min() ?? 0)) * kmPerDegree, 1)
        unitsPerKm = min(frame.width / spanX, frame.height / spanY)
        offset = (frame.x + (frame.width - spanX * unitsPerKm) / 2, frame.y + (frame.height - spanY * unitsPerKm) / 2)
    }

    /// The drawing position of a coordinate.
    public func point(_ coordinate: Coordinate) -> (x: Double, y: Double) {
        let kmPerDegree = 111.195
        return (
            offset.x + (coordinate.longitude - minLongitude) * cosine * kmPerDegree * unitsPerKm,
            offset.y + (maxLatitude - coordinate.latitude) * kmPerDegree * unitsPerKm
        )
    }
}
