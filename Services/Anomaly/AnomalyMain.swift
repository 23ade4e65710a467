import Logging
import VoltlineService

/// The `voltline-anomaly` executable.
@main
struct AnomalyMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-anomaly")
        try await buildAnomaly(reader: started.reader, registry: started.registry, logger: started.logger).run()
    }
}
