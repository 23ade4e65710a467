import Logging
import VoltlineService

/// `voltline-ingest`: gateways' readings in over MQTT and HTTP, validated, onto Kafka and into PostgreSQL.
@main
struct IngestMain {
    static func main() async throws {
        let started = ServiceBootstrap.start(service: "voltline-ingest")
        try await IngestService.build(reader: started.reader, registry: started.registry, logger: started.logger).group.run()
    }
}
