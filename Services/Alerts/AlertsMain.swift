import Logging
import ServiceLifecycle
import VoltlineService

/// `voltline-alerts`: turns anomalies into alerts and publishes their lifecycle events.
@main
struct AlertsMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let alerts = try buildAlerts(reader: reader, registry: registry, logger: Logger(label: "voltline.alerts"))
        try await alerts.group.run()
    }
}
