import Foundation
import TourneeDaemon

// The daemon: everything lives in TourneeDaemon.DaemonMain so it can be tested; this only hands
// it the process's arguments, environment and the wall clock.
exit(
    DaemonMain.run(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: ProcessInfo.processInfo.environment,
        wallClock: { Date() }
    ).rawValue)
