import Logging
import ServiceLifecycle
import VoltlineService

/// `voltline-alerts`: turns anomalies into alerts and publishes their lifecycle events.
@main
struct AlertsMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-alerts")
        try await buildAlerts(reader: started.reader, registry: started.registry, logger: started.logger).group.run()
    }
}
