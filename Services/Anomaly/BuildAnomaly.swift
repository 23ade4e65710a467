import Configuration
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Builds the anomaly service: Kafka clients, the database pool, the device directory, the consumer and
/// the ops server (default port 8083), dependencies first.
///
/// Settings: `anomaly.group-id` (default `voltline-anomaly`), `anomaly.batch-limit` (1000),
/// `anomaly.directory-refresh-seconds` (least time between directory reloads for unknown ids, 5),
/// `anomaly.clear-after-readings` (consecutive normal readings before an open condition clears, 10).
/// - Throws: when the Kafka clients or the database URL are misconfigured.
func buildAnomaly(reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger) async throws
    -> ServiceGroup
{
    let connections = ConnectionSettings(reader: reader)
    let groupID = reader.string(forKey: "anomaly.group-id", default: "voltline-anomaly")
    let pool = try connections.pool(for: "voltline-anomaly", logger: logger)
    let producer = try connections.producer(for: "voltline-anomaly", logger: logger)
    let consumer = try connections.consumer(
        for: "voltline-anomaly", group: groupID, topics: [KafkaTopic.readings], autoCommitInterval: nil, logger: logger)
    let readiness = ReadinessProbe(conditions: ["ready"])
    let lookup = DeviceLookup(
        directory: DeviceDirectory(pool: pool, logger: logger),
        minimumRefreshInterval: .seconds(reader.int(forKey: "anomaly.directory-refresh-seconds", default: 5)),
        logger: logger)
    let anomalies = AnomalyConsumer(
        consumer: consumer, producer: producer, pool: pool, devices: lookup, readiness: readiness,
        batchLimit: max(1, reader.int(forKey: "anomaly.batch-limit", default: 1000)),
        clearAfterReadings: max(1, reader.int(forKey: "anomaly.clear-after-readings", default: 10)), logger: logger)
    let batteryHealthSettings = BatteryHealthSettings(reader: reader)
    let batteryHealth = BatteryHealthService(
        consumer: try connections.consumer(
            for: "voltline-anomaly", group: batteryHealthSettings.groupID,
            topics: [KafkaTopic.readings, KafkaTopic.features], autoCommitInterval: nil, logger: logger),
        producer: producer, pool: pool, devices: lookup, settings: batteryHealthSettings, logger: logger)
    let models = try buildModelServices(
        reader: reader, connections: connections, pool: pool, producer: producer, logger: logger)
    let ops = OpsServer.application(
        configuration: .init(reader: reader, defaultPort: 8083), readiness: readiness, registry: registry,
        logger: logger)
    return ServiceGroup(
        configuration: .init(
            services: [.init(service: ClientsService(producer: producer, pool: pool)), .init(service: anomalies),
                .init(service: batteryHealth)] + models + [.init(service: ops)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
}
