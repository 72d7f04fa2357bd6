import Testing

@testable import Routing

/// The typed error a reader call throws, recording a failure when it does not throw.
func caughtFormatError<T>(_ body: () throws(BenchmarkFormatError) -> T) -> BenchmarkFormatError? {
    do {
        _ = try body()
        Issue.record("expected a BenchmarkFormatError")
        return nil
    } catch {
        return error
    }
}
