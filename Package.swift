// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only: executables → TourneeCLI → Operations → Planning/Store/Mail,
// Planning → Routing, Store → CSQLite. No package dependencies (Foundation, Dispatch, SQLite).
let package = Package(
    name: "Tournee",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tournee", targets: ["tournee"]),
        .library(name: "Routing", targets: ["Routing"]),
        .library(name: "Planning", targets: ["Planning"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(name: "Routing"),
        .target(
            name: "Planning",
            dependencies: ["Routing"],
            resources: [.copy("Resources/communes-fr.csv")]
        ),
        .target(name: "TourneeCLI", dependencies: ["Planning", "Routing"]),
        .executableTarget(name: "tournee", dependencies: ["TourneeCLI"]),
        .testTarget(name: "RoutingTests", dependencies: ["Routing"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning"]),
        .testTarget(name: "TourneeCLITests", dependencies: ["TourneeCLI", "Planning", "Routing"]),
    ],
    swiftLanguageModes: [.v6]
)
