import Testing

@testable import TourneeCLI

struct PeakMemoryTests {
    @Test func theHighWaterMarkIsReadInMebibytes() {
        let status = "Name:\ttournee\nVmPeak:\t  500000 kB\nVmHWM:\t   51200 kB\nVmRSS:\t   40000 kB\n"
        #expect(PeakMemory.megabytes(inStatus: status) == 50)
        #expect(PeakMemory.megabytes(inStatus: "VmRSS:\t 100 kB\n") == nil)
        #expect(PeakMemory.megabytes(inStatus: "VmHWM:\t 100 MB\n") == nil)
    }

    @Test func thisProcessHasAPeakOnLinux() throws {
        let peak = try #require(PeakMemory.current())
        #expect(peak > 1)
    }
}
