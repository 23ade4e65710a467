import Configuration
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Builds the features service: Kafka clients, the database pool, the device directory, the consumer
/// and the ops server (default port 8082), dependencies first.
/// - Throws: when the Kafka clients or the database URL are misconfigured.
func buildFeatures(reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger) async throws
    -> ServiceGroup
{
    let connections = ConnectionSettings(reader: reader)
    let settings = FeaturesSettings(reader: reader)
    let pool = try connections.pool(for: "voltline-features", logger: logger)
    let producer = try connections.producer(for: "voltline-features", logger: logger)
    let consumer = try connections.consumer(
        for: "voltline-features", group: settings.groupID, topics: [KafkaTopic.readings],
        bufferCapacity: settings.batchLimit * 2, autoCommitInterval: .seconds(1), logger: logger)
    let readiness = ReadinessProbe(conditions: ["ready"])
    let directory = DeviceDirectory(pool: pool, logger: logger)
    let features = FeaturesConsumer(
        settings: settings, consumer: consumer, producer: producer, pool: pool,
        devices: DeviceLookup(directory: directory, logger: logger), readiness: readiness, logger: logger)
    let cycles = BatteryCycleService(
        consumer: try connections.consumer(
            for: "voltline-features", group: settings.groupID + "-cycles", topics: [KafkaTopic.readings],
            autoCommitInterval: nil, logger: logger),
        producer: producer, pool: pool, devices: DeviceLookup(directory: directory, logger: logger),
        batchLimit: settings.batchLimit, logger: logger)
    let ops = OpsServer.application(
        configuration: .init(reader: reader, defaultPort: 8082), readiness: readiness, registry: registry,
        logger: logger)
    return ServiceGroup(
        configuration: .init(
            services: [.init(service: ClientsService(producer: producer, pool: pool)), .init(service: features),
                .init(service: cycles), .init(service: ops)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
}
