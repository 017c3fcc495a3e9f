// swift-tools-version:6.0
import PackageDescription

// Module boundaries (see docs/DECISIONS.md):
//   CHiredis  -> RedisClient   (the only importer of hiredis)
//   CCurses   -> TerminalCurses (the only importer of ncurses)
//   COpenSSL  -> RedisClient   (the only importer of OpenSSL: TLS)
//   Operations: the Redis data model (toggles, sessions, errors, logs, polling), over RedisClient
//   Dashboard:  pure UI core (state, update, render into a cell buffer); no C, no I/O
//   DashboardFeeds: the dashboard's poll, one feed per pane, Operations -> Dashboard view models
//   LocalRedis: starts private redis-server processes (demo, tests, benchmarks)
let package = Package(
    name: "opsdeck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "opsdeck", targets: ["opsdeck"]),
        .executable(name: "opsdeck-bench", targets: ["opsdeck-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CHiredis", path: "Sources/CHiredis"),
        .target(
            name: "CCurses",
            path: "Sources/CCurses",
            cSettings: [.define("_XOPEN_SOURCE", to: "700"), .define("_DEFAULT_SOURCE")],
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .target(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            linkerSettings: [.linkedLibrary("ssl"), .linkedLibrary("crypto")]
        ),
        .target(
            name: "RedisClient",
            dependencies: ["CHiredis", "COpenSSL", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "LocalRedis", dependencies: ["RedisClient"]),
        .target(name: "TestSupport", dependencies: ["RedisClient", "LocalRedis"]),
        // Fixtures over the data model, shared by its tests and the command line's.
        .target(name: "OperationsTestSupport", dependencies: ["Operations", "RedisClient", "LocalRedis", "TestSupport"]),
        .target(name: "Versioning"),
        // Rules both the data layer and the UI core apply (which do not import each other).
        .target(name: "SharedRules"),
        // Did-you-mean (edit distance): one rule for every suggestion, shared by the data layer,
        // the UI core and the command line.
        .target(name: "Spelling"),
        .target(
            name: "Operations",
            dependencies: ["RedisClient", "Versioning", "SharedRules", "Spelling", .product(name: "Logging", package: "swift-log"), "Yams"]
        ),
        .target(name: "Dashboard", dependencies: ["Versioning", "SharedRules", "Spelling", "Yams"]),
        .target(name: "TerminalCurses", dependencies: ["CCurses", "Dashboard"]),
        .target(name: "Demo", dependencies: ["RedisClient", "Operations", "LocalRedis"]),
        // The dashboard's poll: one feed per pane, mapping the data model into the UI's view models.
        .target(name: "DashboardFeeds", dependencies: ["Dashboard", "Operations", "RedisClient"]),
        .executableTarget(
            name: "opsdeck",
            dependencies: [
                "RedisClient", "LocalRedis", "Operations", "Dashboard", "DashboardFeeds", "TerminalCurses", "Demo", "Spelling",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Benchmarks (scripts/bench, docs/BENCHMARKS.md): release build only, never run by the tests.
        .executableTarget(
            name: "opsdeck-bench",
            dependencies: ["RedisClient", "LocalRedis", "Operations", "Dashboard", "DashboardFeeds", "TestSupport"]
        ),
        .testTarget(name: "RedisClientTests", dependencies: ["RedisClient", "LocalRedis", "TestSupport"]),
        .testTarget(
            name: "OperationsTests",
            dependencies: ["Operations", "RedisClient", "TestSupport", "OperationsTestSupport", "Versioning", "Demo", "Spelling"]
        ),
        // The real binary as scripts run it; depending on the executable makes `swift test` build it.
        .testTarget(
            name: "CLITests",
            dependencies: [
                "opsdeck", "Operations", "RedisClient", "LocalRedis", "TestSupport", "OperationsTestSupport", "Spelling",
                "Dashboard", "DashboardFeeds",
            ]
        ),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Versioning", "Spelling"]),
        .testTarget(
            name: "DashboardFeedsTests",
            dependencies: ["DashboardFeeds", "Dashboard", "Operations", "OperationsTestSupport", "RedisClient", "TestSupport"]),
        .testTarget(name: "TerminalCursesTests", dependencies: ["TerminalCurses", "Dashboard"]),
        // Depending on the executable makes `swift test` build the binary the end-to-end tests run.
        .testTarget(name: "EndToEndTests", dependencies: ["opsdeck", "RedisClient", "LocalRedis", "Operations", "Demo", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
