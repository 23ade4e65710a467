import Logging
import VoltlineService

/// `voltline-ingest`: gateways' readings in over MQTT and HTTP, validated, onto Kafka and into PostgreSQL.
@main
struct IngestMain {
    static func main() async throws {
        let reader = ServiceBootstrap.configReader()
        ServiceBootstrap.bootstrapLogging(reader: reader)
        let registry = ServiceBootstrap.bootstrapMetrics()
        let logger = Logger(label: "voltline-ingest")
        try await IngestService.build(reader: reader, registry: registry, logger: logger).group.run()
    }
}
