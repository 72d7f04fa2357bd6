import TestSupport
import Testing

/// The fuzz harness itself: replayable cases, bounded sizes, failures that name their case.
struct FuzzerTests {
    private let seeds: [[UInt8]] = [Array("NAME : a\nDIMENSION : 3\n1 10 20\n2 -3.5 4e2\n".utf8), Array("x,y\n1,2\n".utf8)]

    @Test func aCaseIsRebuiltFromTheRunSeedAlone() {
        let mutator = FuzzMutator(seeds: seeds, runSeed: 42, maximumSize: 4_096)
        let again = FuzzMutator(seeds: seeds, runSeed: 42, maximumSize: 4_096)
        let other = FuzzMutator(seeds: seeds, runSeed: 43, maximumSize: 4_096)
        #expect(mutator.input(case: 0).bytes == seeds[0] && mutator.input(case: 0).mutations.isEmpty)
        let cases = (2..<200).map { mutator.input(case: $0).bytes }
        #expect(cases == (2..<200).map { again.input(case: $0).bytes })
        #expect(cases != (2..<200).map { other.input(case: $0).bytes })
        #expect(Set(cases).count > 150, "mutations should rarely coincide")
    }

    @Test func noInputGrowsPastTheMaximumSize() {
        let mutator = FuzzMutator(seeds: seeds, runSeed: 7, maximumSize: 64)
        #expect((0..<2_000).allSatisfy { mutator.input(case: $0).bytes.count <= 64 })
    }

    @Test func extremeNumbersReplaceTheNumbersFound() {
        var bytes = Array("a 12 b -3.5e2".utf8)
        #expect(FuzzMutation.numberRanges(in: bytes) == [2..<4, 7..<13])
        var random = SeededRandom(seed: 1)
        FuzzMutation.extremeNumber.apply(to: &bytes, other: [], maximumSize: 1_000, using: &random)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text != "a 12 b -3.5e2")
        #expect(FuzzMutation.extremeNumbers.contains { text.contains($0) })
    }

    @Test func aRejectedInputStopsTheRunNamingItsCase() {
        struct Rejected: Error {}
        var calls = 0
        do {
            try Fuzzer.run(name: "essai", seeds: seeds, count: 100, seed: 5, maximumSize: 1_000) { input in
                calls += 1
                if input.caseNumber == 10 { throw Rejected() }
            }
            Issue.record("the run should have thrown")
        } catch let failure as FuzzFailure {
            #expect(failure.input.caseNumber == 10 && calls == 11)
            #expect(failure.description.contains("TOURNEE_FUZZ_SEED=5 TOURNEE_FUZZ_CASE=10"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func theReportCountsTheInputsTried() throws {
        let report = try Fuzzer.run(name: "essai", seeds: seeds, count: 50, seed: 5, maximumSize: 1_000) { _ in }
        #expect(report.inputsTried == 50)
        #expect(report.description.hasPrefix("fuzz essai: inputs 50, crashes 0, slowest "))
    }
}
