import Foundation
import TestSupport
import Testing

@testable import Routing

/// Mutations of the shipped benchmark files: every reader returns an instance or throws its own French error,
/// never crashes, never hangs. `TOURNEE_FUZZ_INPUTS` sets the number of inputs (see Tests/TestSupport/Fuzzing).
struct ReaderFuzzTests {
    /// Inputs stay small so that many fit in a few seconds; seeds larger than this are left out.
    static let maximumSize = 16 * 1024
    /// Inputs per reader in a plain `swift test`: a debug build reads about a hundred a second per reader.
    static let defaultCount = 300

    /// The shipped files of `folders` with extension `fileExtension`, small enough to mutate.
    static func seeds(_ folders: [String], extension fileExtension: String) throws -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for folder in folders {
            for path in try BenchmarkData.files(in: folder, extension: fileExtension) {
                let bytes = Array(try BenchmarkData.text(path).utf8)
                if bytes.count <= maximumSize {
                    seeds.append(bytes)
                }
            }
        }
        return seeds
    }

    /// What an accepted instance must satisfy for the solver's model to take it without a Swift error reaching the user.
    static func checkAccepted(_ instance: BenchmarkInstance) throws {
        guard (2...BenchmarkLimits.maximumNodes).contains(instance.nodeCount) else {
            throw FuzzRefusal("accepted \(instance.nodeCount) nodes")
        }
        for window in instance.timeWindows where window.earliest > window.latest {
            throw FuzzRefusal("accepted a reversed window \(window)")
        }
        if instance.demands.contains(where: { $0 < 0 }) || instance.serviceTimes.contains(where: { $0 < 0 }) {
            throw FuzzRefusal("accepted a negative demand or service time")
        }
        // The full matrix is what the solver builds; small instances only, to keep the run short.
        if instance.nodeCount <= 200 {
            do {
                _ = try Matrix(count: instance.nodeCount, values: ContiguousArray(instance.distanceMatrix()))
            } catch {
                throw FuzzRefusal("accepted an instance whose matrix the model refuses: \(error)")
            }
        }
    }

    /// Runs a reader over mutations of `seeds`, checking every answer.
    static func fuzz(
        _ name: String, seeds: [[UInt8]], seed: UInt64, fileName: String,
        read: (String, String) throws(BenchmarkFormatError) -> BenchmarkInstance?
    ) throws {
        try ReaderFuzz.run(name, seeds: seeds, seed: seed, defaultCount: defaultCount, maximumSize: maximumSize) { input in
            do {
                if let instance = try read(input.lossyText, fileName) {
                    try checkAccepted(instance)
                }
            } catch let error as BenchmarkFormatError {
                try ReaderFuzz.check(error.description, names: fileName + ":")
            }
        }
    }

    @Test func tsplib() throws {
        try Self.fuzz("tsplib", seeds: Self.seeds(["tsplib"], extension: "tsp"), seed: 1, fileName: "f.tsp") {
            text, name throws(BenchmarkFormatError) in
            try TSPLIBReader.parse(text, fileName: name)
        }
    }

    @Test func vrplib() throws {
        try Self.fuzz(
            "vrplib", seeds: Self.seeds(["cvrplib-x", "homberger-1000-vrplib"], extension: "vrp"), seed: 2,
            fileName: "f.vrp"
        ) { text, name throws(BenchmarkFormatError) in
            try TSPLIBReader.parse(text, fileName: name)
        }
    }

    @Test func solomon() throws {
        try Self.fuzz(
            "solomon", seeds: Self.seeds(["solomon", "homberger"], extension: "txt"), seed: 3,
            fileName: "f.txt"
        ) { text, name throws(BenchmarkFormatError) in
            try SolomonReader.parse(text, fileName: name)
        }
    }

    @Test func bksTable() throws {
        let seeds = [Array(try BenchmarkData.text("bks.csv").utf8)]
        try Self.fuzz("bks", seeds: seeds, seed: 4, fileName: "bks.csv") { text, name throws(BenchmarkFormatError) in
            let table = try BKSTable.parse(text, fileName: name)
            guard table.entries.allSatisfy({ $0.vehicles >= 1 && $0.cost >= 0 }) else {
                throw BenchmarkFormatError(fileName: "wrong", line: nil, reason: .empty)
            }
            return nil
        }
    }
}
