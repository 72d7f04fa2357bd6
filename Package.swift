// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only: executables → TourneeCLI / TourneeDaemon → Operations →
// Planning/Store/Mail, Planning → Routing, Store → CSQLite; both programs' libraries share
// CommandLineSupport (one argument parser, one set of exit statuses). No package dependencies
// (Foundation, Dispatch, SQLite).
let package = Package(
    name: "Tournee",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tournee", targets: ["tournee"]),
        .executable(name: "tourneed", targets: ["tourneed"]),
        .library(name: "Routing", targets: ["Routing"]),
        .library(name: "Planning", targets: ["Planning"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Mail", targets: ["Mail"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // The search reads its own buffers in tight loops; dynamic exclusivity checks cost ~15 % of
        // a release build (debug and test builds keep them). Unsafe flags mean that another package
        // cannot depend on this one by version: Tournée is an application, not a published library.
        // Bottom modules, used by every layer that needs them: the civil time of Europe/Paris and
        // the text formats (JSON, CSV) that outside input comes in.
        .target(name: "CivilTime"),
        .target(name: "TextFormats", dependencies: ["CivilTime"]),
        .target(name: "Routing", dependencies: ["TextFormats"], swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(
            name: "Planning",
            dependencies: ["Routing", "CivilTime", "TextFormats"],
            resources: [.copy("Resources/communes-fr.csv")]
        ),
        .target(name: "Mail", dependencies: ["CivilTime", "TextFormats"]),
        .target(name: "Operations", dependencies: ["Planning", "Store", "Mail", "Routing", "CivilTime", "TextFormats"]),
        // The command line both programs read: GNU-style options and sysexits statuses.
        .target(name: "CommandLineSupport"),
        .target(name: "TourneeCLI", dependencies: ["CommandLineSupport", "Operations", "Planning", "Routing", "CivilTime", "TextFormats"]),
        // What belongs to the `tourneed` process: its options, start-up, lock, signals, sd_notify.
        .target(name: "TourneeDaemon", dependencies: ["CommandLineSupport", "Operations", "Store", "Mail", "TextFormats"]),
        .executableTarget(name: "tournee", dependencies: ["TourneeCLI"]),
        .executableTarget(name: "tourneed", dependencies: ["TourneeDaemon"]),
        .target(name: "Store", dependencies: ["CSQLite", "CivilTime"]),
        // Test helper: writes records until killed; the crash-safety test runs it.
        .executableTarget(name: "store-crash-writer", dependencies: ["Store"]),
        // Shared by the test targets: the Python peer and child processes.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "CivilTimeTests", dependencies: ["CivilTime"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats", "CivilTime"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "TestSupport"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "CivilTime", "TextFormats"], exclude: ["Golden"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "CivilTime", "TestSupport"], exclude: ["Fixtures"]),
        // Depends on tourneed so that `swift test` builds the daemon its process tests run.
        .testTarget(name: "OperationsTests", dependencies: ["Operations", "Mail", "Planning", "Store", "CivilTime", "TextFormats", "TestSupport", "tourneed"],
                    exclude: ["Fixtures"]),
        // The daemon's own parts; its process tests are in OperationsTests, beside the fixtures.
        .testTarget(name: "TourneeDaemonTests", dependencies: ["TourneeDaemon", "CommandLineSupport", "Operations", "Mail", "Store", "TestSupport", "TextFormats"]),
        // Depends on `tournee`: the program tests and the crash test run the real binary.
        .testTarget(name: "TourneeCLITests", dependencies: ["TourneeCLI", "CommandLineSupport", "Planning", "Routing", "Store", "Operations", "TestSupport", "tournee"],
                    exclude: ["Fixtures", "Golden"]),
        // Depends on the writer so that `swift test` builds it before the crash test runs it.
        .testTarget(name: "StoreTests", dependencies: ["Store", "Routing", "store-crash-writer"]),
    ],
    swiftLanguageModes: [.v6]
)
