import Logging
import VoltlineService

/// The `voltline-anomaly` executable.
@main
struct AnomalyMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let group = try await buildAnomaly(reader: reader, registry: registry, logger: Logger(label: "voltline.anomaly"))
        try await group.run()
    }
}
