public import Configuration
public import Logging
import Metrics
public import Prometheus

/// What every Voltline executable does first: read settings, set up logging and metrics.
public enum ServiceBootstrap {
    /// What a service's `main` builds its components from.
    public struct Started: Sendable {
        /// Settings from flags and `VOLTLINE_*` variables.
        public let reader: ConfigReader
        /// The Prometheus registry behind swift-metrics, served at `/metrics`.
        public let registry: PrometheusCollectorRegistry
        /// The service's root logger.
        public let logger: Logger
    }

    /// Reads the settings, bootstraps logging and metrics once, and returns them with a logger labelled
    /// `service` (for example `voltline-ingest`).
    public static func start(service: String) -> Started {
        let reader = configReader()
        bootstrapLogging(reader: reader)
        return Started(reader: reader, registry: bootstrapMetrics(), logger: Logger(label: service))
    }

    /// A reader over, in order of precedence: command-line flags (`--kafka-brokers x`), then
    /// `VOLTLINE_*` environment variables (`VOLTLINE_KAFKA_BROKERS=x`), then each setting's default.
    /// - Parameter arguments: the command line, including the program name.
    public static func configReader(arguments: [String] = CommandLine.arguments) -> ConfigReader {
        ConfigReader(providers: [
            CommandLineArgumentsProvider(arguments: arguments),
            EnvironmentVariablesProvider(secretsSpecifier: .dynamic { key, _ in key.contains("PASSWORD") })
                .prefixKeys(with: ["voltline"]),
        ])
    }

    /// Sends structured log lines to standard error at the level in `log.level` (default `info`).
    /// Call once, at the start of `main`.
    public static func bootstrapLogging(reader: ConfigReader) {
        let level = Logger.Level(rawValue: reader.string(forKey: "log.level", default: "info")) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Makes swift-metrics record into a Prometheus registry, served at `/metrics` by ``OpsServer``.
    /// Call once, at the start of `main`.
    public static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
