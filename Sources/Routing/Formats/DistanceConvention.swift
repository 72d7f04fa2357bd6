import Foundation

/// How a benchmark turns coordinates into distances; each published best-known value holds only under its own convention.
public enum DistanceConvention: String, Sendable, CaseIterable {
    /// TSPLIB95 `EUC_2D` and CVRPLIB X: `nint(√(dx² + dy²))`, where `nint(x) = ⌊x + 0.5⌋` (Reinelt 1991, §2.1).
    case roundedEuclidean
    /// TSPLIB95 `CEIL_2D`: the Euclidean distance rounded up.
    case ceilEuclidean
    /// TSPLIB95 `ATT` pseudo-Euclidean distance: `r = √((dx² + dy²) / 10)`, `nint(r)` raised by one when below `r`.
    case att
    /// TSPLIB95 `GEO`: coordinates are `DDD.MM` (degrees, minutes), great circle on a sphere of radius 6378.388 km, truncated plus one.
    case geo
    /// Solomon and Gehring–Homberger: exact Euclidean distance in double precision; costs reported to two decimals.
    case realEuclidean
    /// DIMACS 2021 VRPTW convention (CVRPLIB's for the VRPLIB Gehring–Homberger files): Euclidean truncated to one decimal, travel times too.
    case truncatedEuclidean
    /// Distances listed in the file (TSPLIB `EXPLICIT`); no formula applies.
    case explicit

    /// The sphere radius of TSPLIB95 `GEO`, in kilometres.
    public static let geoEarthRadius = 6378.388

    /// The number of decimals the literature reports costs with under this convention (0 for integral conventions).
    public var reportedDecimals: Int {
        switch self {
        case .realEuclidean: return 2
        case .truncatedEuclidean: return 1
        case .roundedEuclidean, .ceilEuclidean, .att, .geo, .explicit: return 0
        }
    }

    /// Rounds a total (a sum of distances) as the literature reports it under this convention.
    public func reportedCost(_ total: Double) -> Double {
        let scale = pow(10, Double(reportedDecimals))
        return (total * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// The distance between two points of distinct nodes; `.explicit` has no formula and traps (programmer error).
    public func distance(from a: BenchmarkInstance.Point, to b: BenchmarkInstance.Point) -> Double {
        let dx = a.x - b.x
        let dy = a.y - b.y
        switch self {
        case .roundedEuclidean:
            return Self.nint((dx * dx + dy * dy).squareRoot())
        case .ceilEuclidean:
            return (dx * dx + dy * dy).squareRoot().rounded(.up)
        case .att:
            let r = ((dx * dx + dy * dy) / 10).squareRoot()
            let t = Self.nint(r)
            return t < r ? t + 1 : t
        case .geo:
            return Self.geoDistance(a, b)
        case .realEuclidean:
            return (dx * dx + dy * dy).squareRoot()
        case .truncatedEuclidean:
            return ((dx * dx + dy * dy).squareRoot() * 10).rounded(.down) / 10
        case .explicit:
            fatalError("DistanceConvention.explicit has no formula: read the instance's explicit matrix")
        }
    }

    /// TSPLIB's `nint`: `(int)(x + 0.5)`, which for the non-negative distances here is `⌊x + 0.5⌋`.
    private static func nint(_ x: Double) -> Double {
        (x + 0.5).rounded(.down)
    }

    /// TSPLIB95 §2.4 `GEO`, with π = 3.141592 as the specification writes it and degrees truncated toward zero
    /// (the TSPLIB FAQ's reading; rounding them would mistake 5.59 for 6 degrees minus 41 minutes).
    private static func geoDistance(_ a: BenchmarkInstance.Point, _ b: BenchmarkInstance.Point) -> Double {
        let latitudeA = geoRadians(a.x)
        let longitudeA = geoRadians(a.y)
        let latitudeB = geoRadians(b.x)
        let longitudeB = geoRadians(b.y)
        let q1 = cos(longitudeA - longitudeB)
        let q2 = cos(latitudeA - latitudeB)
        let q3 = cos(latitudeA + latitudeB)
        // Rounding can push the cosine a hair beyond 1 for nearby points; acos would then return NaN.
        let cosine = min(1, max(-1, 0.5 * ((1 + q1) * q2 - (1 - q1) * q3)))
        return (geoEarthRadius * acos(cosine) + 1).rounded(.towardZero)
    }

    private static func geoRadians(_ degreesMinutes: Double) -> Double {
        let tsplibPi = 3.141592
        let degrees = degreesMinutes.rounded(.towardZero)
        let minutes = degreesMinutes - degrees
        return tsplibPi * (degrees + 5 * minutes / 3) / 180
    }
}
