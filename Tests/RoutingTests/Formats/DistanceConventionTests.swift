import Testing

@testable import Routing

/// Each convention on pairs whose distance is worked out by hand in the comments.
struct DistanceConventionTests {
    private typealias Point = BenchmarkInstance.Point

    @Test func roundedEuclideanRoundsHalfUp() {
        // √(3² + 4²) = 5; √2 ≈ 1.414 → 1; √(1.5² + 2²) = 2.5 exactly → nint gives 3.
        #expect(DistanceConvention.roundedEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 3, y: 4)) == 5)
        #expect(DistanceConvention.roundedEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1)) == 1)
        #expect(DistanceConvention.roundedEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 1.5, y: 2)) == 3)
    }

    @Test func ceilEuclideanRoundsUp() {
        // √2 ≈ 1.414 → 2; an exact 5 stays 5.
        #expect(DistanceConvention.ceilEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1)) == 2)
        #expect(DistanceConvention.ceilEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 3, y: 4)) == 5)
    }

    @Test func attPseudoEuclideanOnAtt48FirstCitiesAndARoundDownCase() {
        // att48 cities 1 (6734, 1453) and 2 (2233, 10): dx = 4501, dy = 1443, (dx² + dy²) / 10 = 2234125,
        // r ≈ 1494.70, nint(r) = 1495 ≥ r → 1495.
        #expect(DistanceConvention.att.distance(from: Point(x: 6734, y: 1453), to: Point(x: 2233, y: 10)) == 1495)
        // dx = 10: r = √10 ≈ 3.162, nint(r) = 3 < r → 4.
        #expect(DistanceConvention.att.distance(from: Point(x: 0, y: 0), to: Point(x: 10, y: 0)) == 4)
    }

    @Test func geoOnUlysses16FirstCities() {
        // ulysses16 city 1 is 38.24 20.42 (38°24′ N, 20°42′ E), city 2 is 39.57 26.15 (39°57′ N, 26°15′ E).
        // With TSPLIB's π = 3.141592 the spherical law of cosines gives ≈ 508.99 km,
        // truncated after adding 1 → 509 (the value tsplib95 also gives).
        #expect(DistanceConvention.geo.distance(from: Point(x: 38.24, y: 20.42), to: Point(x: 39.57, y: 26.15)) == 509)
        // The minutes are base 60: 0.30 means 30′ = half a degree. Half a degree of meridian is
        // 6378.388 × π / 360 ≈ 55.66 km → 56.
        #expect(DistanceConvention.geo.distance(from: Point(x: 10.00, y: 5), to: Point(x: 10.30, y: 5)) == 56)
    }

    @Test func realEuclideanKeepsFractions() {
        #expect(DistanceConvention.realEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1)) == 2.0.squareRoot())
        #expect(DistanceConvention.realEuclidean.distance(from: Point(x: 40, y: 50), to: Point(x: 45, y: 68)) == 349.0.squareRoot())
    }

    @Test func truncatedEuclideanKeepsOneDecimal() {
        // √2 ≈ 1.4142 → 1.4; √349 ≈ 18.682 → 18.6 (truncated, not rounded to 18.7).
        #expect(DistanceConvention.truncatedEuclidean.distance(from: Point(x: 0, y: 0), to: Point(x: 1, y: 1)) == 1.4)
        #expect(DistanceConvention.truncatedEuclidean.distance(from: Point(x: 40, y: 50), to: Point(x: 45, y: 68)) == 18.6)
    }

    @Test func reportedCostUsesTheLiteratureDecimals() {
        #expect(DistanceConvention.realEuclidean.reportedCost(828.936_66) == 828.94)
        #expect(DistanceConvention.truncatedEuclidean.reportedCost(42_444.799_999_9) == 42_444.8)
        #expect(DistanceConvention.roundedEuclidean.reportedCost(27_591.000_000_1) == 27_591)
        #expect(DistanceConvention.realEuclidean.reportedDecimals == 2)
        #expect(DistanceConvention.geo.reportedDecimals == 0)
    }
}
