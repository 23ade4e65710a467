public import Configuration
import Logging
import Metrics
public import Prometheus

/// What every Voltline executable does first: read settings, set up logging and metrics.
public enum ServiceBootstrap {
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
