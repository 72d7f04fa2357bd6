import Foundation
import Glibc

/// Runs a body on many mutated inputs of seed files, timing each, and says which case to replay when one fails.
///
/// A crash cannot be caught in-process, so while the body runs the current case is kept in a note that a
/// signal handler writes to standard error before the process dies; a hang is cut by a watchdog that writes
/// the same note and exits with status 70. Environment (all optional):
/// - `TOURNEE_FUZZ_INPUTS`: the number of inputs (long runs); default `defaultCount`.
/// - `TOURNEE_FUZZ_SEED`: replaces the run seed given in code.
/// - `TOURNEE_FUZZ_CASE`: runs that one case only (to replay a failure), without the crash handler, so
///   the Swift runtime's own backtrace shows.
public enum Fuzzer {
    /// Inputs per run when `TOURNEE_FUZZ_INPUTS` is unset: enough to catch the shallow bugs in a few seconds.
    public static let defaultCount = 2_000

    /// The number of inputs to try: `TOURNEE_FUZZ_INPUTS` when set to a positive integer, else `fallback`.
    public static func inputCount(default fallback: Int = defaultCount) -> Int {
        environmentInteger("TOURNEE_FUZZ_INPUTS").flatMap { $0 > 0 ? $0 : nil } ?? fallback
    }

    /// Calls `body` on `count` inputs (the seeds themselves, then mutations of them) and reports the slowest.
    ///
    /// `count` nil means `inputCount()`. `body` throws to reject an input (an invariant broken); the run then
    /// stops and throws a `FuzzFailure` naming the case and the environment that replays it.
    @discardableResult
    public static func run(
        name: String, seeds: [[UInt8]], count: Int? = nil, seed: UInt64, maximumSize: Int,
        hangSeconds: Double = 30, body: (FuzzInput) throws -> Void
    ) throws -> FuzzReport {
        let runSeed = environmentInteger("TOURNEE_FUZZ_SEED").map { UInt64(truncatingIfNeeded: $0) } ?? seed
        let mutator = FuzzMutator(seeds: seeds, runSeed: runSeed, maximumSize: maximumSize)
        let cases: [Int]
        let replaying: Bool
        if let only = environmentInteger("TOURNEE_FUZZ_CASE") {
            cases = [only]
            replaying = true
        } else {
            cases = Array(0..<(count ?? inputCount()))
            replaying = false
        }
        let watch = FuzzWatch(hangSeconds: hangSeconds)
        if !replaying {
            FuzzCrashNote.install()
        }
        defer { watch.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        var slowest: (seconds: Double, number: Int, size: Int) = (0, 0, 0)
        for number in cases {
            let input = mutator.input(case: number)
            let note = "fuzz \(name): CRASH at \(input.label); replay: TOURNEE_FUZZ_SEED=\(runSeed) TOURNEE_FUZZ_CASE=\(number)\n"
            if !replaying {
                FuzzCrashNote.set(note)
            }
            watch.begin(note.replacingOccurrences(of: "CRASH", with: "HANG (over \(hangSeconds) s)"))
            // The reading thread's CPU time, not the wall clock: on two cores shared with the rest
            // of a parallel test run, a reader waiting for the processor is not a slow reader.
            // The watch above still catches one that blocks, on the wall clock.
            let caseStart = Self.threadCPUSeconds()
            do {
                try body(input)
            } catch {
                watch.end()
                FuzzCrashNote.clear()
                let failure = FuzzFailure(name: name, input: input, underlying: error)
                FileHandle.standardError.write(Data((failure.description + "\n").utf8))
                throw failure
            }
            watch.end()
            let seconds = Self.threadCPUSeconds() - caseStart
            if seconds > slowest.seconds {
                slowest = (seconds, number, input.bytes.count)
            }
        }
        FuzzCrashNote.clear()
        let report = FuzzReport(
            name: name, inputsTried: cases.count, runSeed: runSeed, slowestSeconds: slowest.seconds,
            slowestCase: slowest.number, slowestSize: slowest.size, totalSeconds: (clock.now - started).seconds)
        print(report)
        return report
    }

    /// The calling thread's CPU time, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func environmentInteger(_ name: String) -> Int? {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }
}

extension Duration {
    /// The duration in seconds, as a double.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
