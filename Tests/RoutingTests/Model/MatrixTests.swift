import Testing

@testable import Routing

struct MatrixTests {
    @Test func euclideanRoundingFollowsTheBenchmarkConventions() {
        let points = [Point(x: 0, y: 0), Point(x: 1, y: 1), Point(x: 3, y: 4)]
        #expect(Matrix.euclidean(points)[0, 1] == 2.0.squareRoot())
        #expect(Matrix.euclidean(points, rounding: .nearest)[0, 1] == 1)
        #expect(Matrix.euclidean(points, rounding: .up)[0, 1] == 2)
        #expect(Matrix.euclidean(points, rounding: .nearest)[0, 2] == 5)
        #expect(Matrix.euclidean(points)[2, 2] == 0)
    }

    @Test func greatCircleGivesKilometresTimesDetour() {
        let paris = GeoCoordinate(latitude: 48.8566, longitude: 2.3522)
        let lyon = GeoCoordinate(latitude: 45.7640, longitude: 4.8357)
        let direct = Matrix.greatCircle([paris, lyon], detourFactor: 1)[0, 1]
        #expect(abs(direct - 391.5) < 1.5)
        let road = Matrix.greatCircle([paris, lyon], detourFactor: 1.3)[1, 0]
        #expect(abs(road - direct * 1.3) < 1e-6)
    }

    @Test func explicitRowsMustBeSquareAndNonNegative() throws {
        let matrix = try Matrix(rows: [[0, 2], [3, 0]])
        #expect(matrix[0, 1] == 2 && matrix[1, 0] == 3)
        #expect(!matrix.isSymmetric)
        #expect(throws: ProblemError.matrixRow(row: 1, expected: 2, found: 1)) { try Matrix(rows: [[0, 1], [1]]) }
        #expect(throws: ProblemError.matrixValue(from: 1, to: 0, value: -1)) { try Matrix(rows: [[0, 1], [-1, 0]]) }
    }

    @Test func scalingTurnsDistancesIntoDurations() throws {
        let km = try Matrix(rows: [[0, 60], [30, 0]])
        let hours = km.scaled(by: 1.0 / 60)
        #expect(hours[0, 1] == 1 && hours[1, 0] == 0.5)
    }
}
