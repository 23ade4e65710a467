// swift-tools-version: 6.1
// Voltline: streaming energy and battery-health platform. One package, one executable per service.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// The executables of the product: one per service. Each is a thin `@main` over a `build...` function
/// that its test target calls, so what is tested is what runs.
let services: [(target: String, product: String, dependencies: [Target.Dependency])] = [
    ("Ingest", "voltline-ingest", ["VoltlineMQTT"]),
    ("Features", "voltline-features", ["VoltlineAnalytics", "VoltlineBatteryHealth"]),
    ("Anomaly", "voltline-anomaly", ["VoltlineAnalytics", "VoltlineBatteryHealth", "VoltlineLearning"]),
    ("Alerts", "voltline-alerts", ["VoltlineMQTT", "VoltlineAnalytics"]),
    ("Scheduler", "voltline-scheduler", ["VoltlineScheduling"]),
    ("API", "voltline-api", [.product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"), "VoltlineScheduling"]),
    ("Sim", "voltline-sim", ["VoltlineMQTT", "VoltlineSimulation"]),
]

/// Extra dependencies of a service's test target, by service target.
let serviceTestDependencies: [String: [Target.Dependency]] = [
    "API": [.product(name: "HummingbirdWSTesting", package: "hummingbird-websocket")]
]

/// Command-line tools for offline evaluation (one executable each, argument-parser subcommands).
let tools: [(target: String, product: String, dependencies: [Target.Dependency])] = [
    ("ScheduleTool", "voltline-schedule", ["VoltlineScheduling"]),
    ("BatteryTool", "voltline-battery", ["VoltlineBattery", "VoltlineBatteryHealth", "VoltlineSimulation"]),
    ("ModelTool", "voltline-models", ["VoltlineLearning", "VoltlineScheduling", "VoltlineSupport"]),
]

let serviceCommon: [Target.Dependency] = [
    "VoltlineStreams", "VoltlineService", "VoltlineDomain", "VoltlineKafka", "VoltlinePostgres",
    .product(name: "Logging", package: "swift-log"),
    .product(name: "Metrics", package: "swift-metrics"),
    .product(name: "Configuration", package: "swift-configuration"),
    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
    .product(name: "Hummingbird", package: "hummingbird"),
    .product(name: "Prometheus", package: "swift-prometheus"),
]

let package = Package(
    name: "Voltline",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "VoltlineMQTT", targets: ["VoltlineMQTT"]),
        .library(name: "VoltlineKafka", targets: ["VoltlineKafka"]),
        .library(name: "VoltlinePostgres", targets: ["VoltlinePostgres"]),
        .executable(name: "voltline-kafka-dev", targets: ["KafkaDev"]),
    ] + services.map { .executable(name: $0.product, targets: [$0.target]) } + [
        .executable(name: "voltline-migrate", targets: ["Migrate"]),
        .executable(name: "voltline-bench", targets: ["Bench"]),
    ] + tools.map { .executable(name: $0.product, targets: [$0.target]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(
            url: "https://github.com/apple/swift-configuration.git", from: "1.4.0",
            traits: [.defaults, "CommandLineArguments"]),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
    ],
    targets: [
        // MARK: C libraries (Debian -dev packages, found through pkg-config)
        .systemLibrary(
            name: "CMosquitto", path: "Shared/CMosquitto", pkgConfig: "libmosquitto",
            providers: [.apt(["libmosquitto-dev"])]),
        .systemLibrary(
            name: "CRdKafka", path: "Shared/CRdKafka", pkgConfig: "rdkafka",
            providers: [.apt(["librdkafka-dev"])]),
        .systemLibrary(
            name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),
        .systemLibrary(
            name: "CXGBoost", path: "Shared/CXGBoost", pkgConfig: "xgboost",
            providers: [.apt(["libxgboost-dev"])]),
        .systemLibrary(
            name: "CCbc", path: "Shared/CCbc", pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]),

        // MARK: Shared libraries
        .target(
            name: "VoltlineSupport", path: "Shared/VoltlineSupport",
            swiftSettings: strictSettings),
        .target(name: "VoltlineDomain", path: "Shared/VoltlineDomain", swiftSettings: strictSettings),
        .target(
            name: "VoltlineSimulation", dependencies: ["VoltlineDomain", "VoltlineBattery", "VoltlineSupport"],
            path: "Shared/VoltlineSimulation", swiftSettings: strictSettings),
        .target(
            name: "VoltlineBattery", dependencies: ["VoltlineSupport"], path: "Shared/VoltlineBattery",
            swiftSettings: strictSettings),
        .target(
            name: "VoltlineBatteryHealth",
            dependencies: ["VoltlineXGBoost", "VoltlineAnalytics", "VoltlineDomain", "VoltlinePostgres", "VoltlineSupport"], path: "Shared/VoltlineBatteryHealth",
            swiftSettings: strictSettings),
        .target(name: "VoltlineXGBoost", dependencies: ["CXGBoost"], path: "Shared/VoltlineXGBoost", swiftSettings: strictSettings),
        .target(
            name: "VoltlineLearning", dependencies: ["VoltlineXGBoost", "VoltlineAnalytics", "VoltlinePostgres", "VoltlineSupport"], path: "Shared/VoltlineLearning",
            swiftSettings: strictSettings),
        .target(
            name: "VoltlineAnalytics", dependencies: ["VoltlineDomain"], path: "Shared/VoltlineAnalytics",
            swiftSettings: strictSettings),
        .target(
            name: "VoltlineScheduling", dependencies: ["CCbc", "VoltlineSupport"], path: "Shared/VoltlineScheduling",
            swiftSettings: strictSettings),
        .target(
            name: "VoltlineService",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Shared/VoltlineService", swiftSettings: strictSettings),
        .target(
            name: "VoltlineStreams",
            dependencies: [
                "VoltlineDomain", "VoltlineKafka", "VoltlinePostgres", "VoltlineMQTT", "VoltlineService",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/VoltlineStreams", swiftSettings: strictSettings),
        .target(
            name: "VoltlineMQTT",
            dependencies: ["CMosquitto", "VoltlineSupport", .product(name: "Logging", package: "swift-log")],
            path: "Shared/VoltlineMQTT", swiftSettings: strictSettings),
        .target(
            name: "VoltlineKafka",
            dependencies: ["CRdKafka", "VoltlineSupport", .product(name: "Logging", package: "swift-log")],
            path: "Shared/VoltlineKafka", swiftSettings: strictSettings),
        .target(
            name: "VoltlinePostgres",
            dependencies: ["CLibPQ", "VoltlineSupport", .product(name: "Logging", package: "swift-log")],
            path: "Shared/VoltlinePostgres", swiftSettings: strictSettings),

        // MARK: Executables
        .executableTarget(
            name: "KafkaDev",
            dependencies: [
                "VoltlineKafka", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/KafkaDev", swiftSettings: strictSettings),
        .executableTarget(
            name: "Migrate",
            dependencies: [
                "VoltlinePostgres", .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/Migrate", swiftSettings: strictSettings),
        .executableTarget(
            name: "Bench",
            dependencies: [
                "VoltlineMQTT", "VoltlineKafka", "VoltlinePostgres", "VoltlineDomain",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/Bench", swiftSettings: strictSettings),

        // MARK: Tests (integration tests reach real servers on loopback)
        .target(
            name: "VoltlineTestSupport",
            dependencies: ["VoltlinePostgres", "VoltlineKafka", .product(name: "Logging", package: "swift-log")],
            path: "Tests/VoltlineTestSupport"),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "VoltlineTestSupport", "VoltlineDomain", "VoltlineKafka", "VoltlinePostgres", "VoltlineMQTT",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ],
            path: "Tests/EndToEndTests"),
        .testTarget(name: "VoltlineDomainTests", dependencies: ["VoltlineDomain"], path: "Tests/VoltlineDomainTests"),
        .testTarget(
            name: "VoltlineSimulationTests", dependencies: ["VoltlineSimulation", "VoltlineBattery", "VoltlineSupport"], path: "Tests/VoltlineSimulationTests"),
        .testTarget(
            name: "VoltlineAnalyticsTests", dependencies: ["VoltlineAnalytics"], path: "Tests/VoltlineAnalyticsTests"),
        .testTarget(name: "VoltlineSupportTests", dependencies: ["VoltlineSupport"], path: "Tests/VoltlineSupportTests"),
        .testTarget(
            name: "VoltlineMQTTTests", dependencies: ["VoltlineMQTT", "VoltlineTestSupport"], path: "Tests/VoltlineMQTTTests"),
        .testTarget(name: "VoltlineKafkaTests", dependencies: ["VoltlineKafka"], path: "Tests/VoltlineKafkaTests"),
        .testTarget(name: "VoltlinePostgresTests", dependencies: ["VoltlinePostgres"], path: "Tests/VoltlinePostgresTests"),
        .testTarget(name: "VoltlineXGBoostTests", dependencies: ["VoltlineXGBoost"], path: "Tests/VoltlineXGBoostTests"),
        .testTarget(
            name: "VoltlineSchedulingTests", dependencies: ["VoltlineScheduling", "VoltlineTestSupport"],
            path: "Tests/VoltlineSchedulingTests"),
        .testTarget(
            name: "VoltlineBatteryTests", dependencies: ["VoltlineBattery", "VoltlineTestSupport"],
            path: "Tests/VoltlineBatteryTests"),
        .testTarget(
            name: "VoltlineBatteryHealthTests",
            dependencies: ["VoltlineBatteryHealth", "VoltlineBattery", "VoltlineTestSupport"],
            path: "Tests/VoltlineBatteryHealthTests"),
        .testTarget(
            name: "VoltlineLearningTests", dependencies: ["VoltlineLearning", "VoltlineTestSupport", "VoltlineSupport"],
            path: "Tests/VoltlineLearningTests"),
    ]
        + tools.map { tool in
            .executableTarget(
                name: tool.target,
                dependencies: tool.dependencies + [
                    .product(name: "ArgumentParser", package: "swift-argument-parser"),
                    .product(name: "Logging", package: "swift-log"),
                ],
                path: "Services/\(tool.target)", swiftSettings: strictSettings)
        }
        + services.flatMap { service -> [Target] in
            [
                .executableTarget(
                    name: service.target, dependencies: serviceCommon + service.dependencies,
                    path: "Services/\(service.target)", swiftSettings: strictSettings),
                .testTarget(
                    name: "\(service.target)Tests",
                    dependencies: [
                        .target(name: service.target), .product(name: "HummingbirdTesting", package: "hummingbird"),
                        .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
                        "VoltlineTestSupport", "VoltlineMQTT",
                    ] + serviceCommon + (serviceTestDependencies[service.target] ?? []), path: "Tests/\(service.target)Tests"),
            ]
        }
)
