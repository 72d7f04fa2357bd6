import Testing

@testable import Operations

struct RetryPolicyTests {
    @Test func delaysDoubleUpToTheCapWithBoundedSeededJitter() {
        let policy = RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 900, jitter: 0.25, seed: 7)
        for failures in 1...8 {
            let base = min(900, 60 << (failures - 1))
            for salt in Int64(1)...50 {
                let delay = policy.delay(afterFailures: failures, salt: salt)
                #expect(delay >= Int64(base) && delay <= Int64(base) + Int64(base) / 4)
                #expect(delay == policy.delay(afterFailures: failures, salt: salt))
            }
        }
        // Jitter spreads messages that failed together.
        let spread = Set((Int64(1)...50).map { policy.delay(afterFailures: 3, salt: $0) })
        #expect(spread.count > 20)
        let noJitter = RetryPolicy(maxAttempts: 8, initialDelay: 60, maxDelay: 900, jitter: 0, seed: 7)
        #expect((1...6).map { noJitter.delay(afterFailures: $0, salt: 1) } == [60, 120, 240, 480, 900, 900])
        #expect(noJitter.delay(afterFailures: 100, salt: 1) == 900)
    }
}
