import Hummingbird
import Logging
import VoltlineService

/// `voltline-api`: REST and WebSocket access to Voltline's data, with the ops endpoints on the same server.
@main
struct APIMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let app = try buildApplication(reader: reader, registry: registry, logger: Logger(label: "voltline-api"))
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
