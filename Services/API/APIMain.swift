import Hummingbird
import Logging
import VoltlineService

/// `voltline-api`: REST and WebSocket access to Voltline's data, with the ops endpoints on the same server.
@main
struct APIMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-api")
        try await buildApplication(reader: started.reader, registry: started.registry, logger: started.logger)
            .runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
