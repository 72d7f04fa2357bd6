// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only: executables → TourneeCLI / TourneeDaemon → Operations →
// Planning/Store/Mail, Planning → Routing, Store → CSQLite; Planning and Store share
// SeasonVocabulary; both programs' libraries share CommandLineSupport (one argument parser, one
// set of exit statuses). No package dependencies (Foundation, Dispatch, SQLite).
// Linux only, hence no `platforms:` line: most sources import Glibc without a condition.
let package = Package(
    name: "Tournee",
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
        // Bottom modules, used by every layer that needs them: the civil time of Europe/Paris and
        // the text formats (JSON, CSV) that outside input comes in.
        .target(name: "CivilTime"),
        // SHA-256, HMAC, PBKDF2, constant-time comparison and the kernel's random bytes, by hand
        // (no package dependencies); the signed links, the key ring and the passwords rest on it.
        // Optimised in debug builds too: unoptimised, one sign-in's 600 000 PBKDF2 rounds take
        // 14 s instead of 0.6 s, and the tests and a developer's server sign people in.
        .target(name: "Cryptography", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "TextFormats", dependencies: ["CivilTime"]),
        // The words Planning and Store both use for a season's evenings (their status), so the
        // two siblings share one concept without depending on each other.
        .target(name: "SeasonVocabulary"),
        // The search reads its own buffers in tight loops; dynamic exclusivity checks cost ~15 % of
        // a release build (debug and test builds keep them). Unsafe flags mean that another package
        // cannot depend on this one by version: Tournée is an application, not a published library.
        .target(
            name: "Routing", dependencies: ["TextFormats"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]),
        .target(
            name: "Planning",
            dependencies: ["Routing", "CivilTime", "TextFormats", "SeasonVocabulary"],
            resources: [.copy("Resources/communes-fr.csv"), .copy("Resources/departements.geojson")]
        ),
        .target(name: "Mail", dependencies: ["CivilTime", "TextFormats"]),
        .target(
            name: "Operations",
            dependencies: ["Cryptography", "Planning", "Store", "Mail", "Routing", "CivilTime", "TextFormats", "SeasonVocabulary"]),
        // The command line both programs read: GNU-style options and sysexits statuses.
        .target(name: "CommandLineSupport"),
        .target(
            name: "TourneeCLI",
            dependencies: ["CommandLineSupport", "Operations", "Planning", "Routing", "CivilTime", "TextFormats", "SeasonVocabulary"]),
        // What belongs to the `tourneed` process: its options, start-up, lock, signals, sd_notify.
        .target(
            name: "TourneeDaemon",
            dependencies: ["CommandLineSupport", "HTTPServer", "WebPages", "Operations", "Store", "Mail", "TextFormats"]),
        .executableTarget(name: "tournee", dependencies: ["TourneeCLI"]),
        .executableTarget(name: "tourneed", dependencies: ["TourneeDaemon"]),
        // The HTTP/1.1 server `tourneed` answers the mairies' links with: parser, router,
        // connections on POSIX sockets. Below the daemon, beside nothing: it knows no season.
        .target(name: "HTTPServer", dependencies: ["Cryptography"]),
        // The staff's and planners' pages: sign-in, « Ce soir » and its record form, the season
        // board. Above Operations (every action goes through the library the command line uses),
        // below the daemon, which mounts them on its server.
        .target(
            name: "WebPages",
            dependencies: ["HTTPServer", "Cryptography", "Operations", "Planning", "Store", "CivilTime", "TextFormats", "SeasonVocabulary"]),
        .target(name: "Store", dependencies: ["CSQLite", "CivilTime", "TextFormats", "SeasonVocabulary"]),
        // Test helper, kept out of Sources/: writes records until killed; the crash-safety test runs it.
        .executableTarget(name: "store-crash-writer", dependencies: ["Store", "CivilTime"], path: "Tests/Helpers/store-crash-writer"),
        // Shared by the test targets: child processes that cannot outlive a test, the Python peer,
        // the SMTP catcher, the fuzzing harness, temporary folders, the repository's files and
        // shared data (the benchmark instances, read with Routing's readers).
        .target(
            name: "TestSupport", dependencies: ["CivilTime", "Mail", "Routing"], path: "Tests/TestSupport", exclude: ["Fuzzing/README.md"]),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport", "Mail"]),
        .testTarget(name: "CivilTimeTests", dependencies: ["CivilTime"]),
        .testTarget(name: "CryptographyTests", dependencies: ["Cryptography", "TestSupport"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer", "TestSupport"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats", "CivilTime", "TestSupport"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing", "TestSupport"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "CivilTime", "TextFormats", "SeasonVocabulary", "TestSupport"]),
        .testTarget(name: "MailTests", dependencies: ["Mail", "CivilTime", "TestSupport"], exclude: ["Fixtures"]),
        // Depends on tourneed and tournee so that `swift test` builds the programs its process
        // tests run (the daemon, and the commands that change the evenings it writes about).
        .testTarget(
            name: "OperationsTests",
            dependencies: [
                "Operations", "Cryptography", "Mail", "Planning", "Store", "CivilTime", "TextFormats", "SeasonVocabulary", "TestSupport",
                "tourneed",
                "tournee",
            ],
            exclude: ["Fixtures"]),
        // The daemon's own parts; its process tests are in OperationsTests, beside the fixtures.
        .testTarget(
            name: "TourneeDaemonTests",
            dependencies: ["TourneeDaemon", "CommandLineSupport", "Operations", "Mail", "Store", "TestSupport", "TextFormats"]),
        // Depends on `tournee` and `tourneed`: the program tests, the crash test and the re-plan
        // test run the real binaries.
        .testTarget(
            name: "TourneeCLITests",
            dependencies: [
                "TourneeCLI", "CommandLineSupport", "Planning", "Routing", "Store", "Operations", "CivilTime", "TextFormats",
                "SeasonVocabulary", "TestSupport", "tournee", "tourneed",
            ],
            exclude: ["Fixtures", "Golden"]),
        // Depends on the writer so that `swift test` builds it before the crash test runs it.
        .testTarget(
            name: "StoreTests",
            dependencies: ["Store", "Routing", "CivilTime", "TextFormats", "SeasonVocabulary", "TestSupport", "store-crash-writer"]),
    ],
    swiftLanguageModes: [.v6]
)
