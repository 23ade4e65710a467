import Configuration
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlineMQTT
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// The ingest service, wired: MQTT and HTTP intake → Kafka readings (+ dead letters), and the readings
/// store (Kafka → PostgreSQL, exactly once). Tests build it with the same function that `main` uses.
struct IngestService {
    let group: ServiceGroup
    let intake: ReadingIntake
    let readiness: ReadinessProbe
    let gate: FlowGate

    /// Reads settings (see ``IngestSettings``, `ConnectionSettings`, `OpsServer.Configuration`; ops and
    /// HTTP intake on `http.port`, default 8081) and builds every component.
    static func build(reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger) throws
        -> IngestService
    {
        let settings = IngestSettings(reader: reader)
        let connections = ConnectionSettings(reader: reader)
        let readiness = ReadinessProbe(conditions: ["database", "mqtt"])
        let pool = try connections.pool(for: "voltline-ingest", logger: logger)
        let devices = DeviceDirectory(pool: pool, logger: logger)
        // No delivery deadline: while Kafka is away librdkafka keeps retrying and its bounded queue
        // pushes back on intake, instead of failing readings that were already accepted.
        let producer = try connections.producer(for: "voltline-ingest", messageTimeout: .zero, logger: logger)
        let storeConsumer = try connections.consumer(
            for: "voltline-ingest-store", group: "voltline-ingest-store", topics: [KafkaTopic.readings],
            bufferCapacity: 20_000, logger: logger)
        let store = ReadingStore(logger: logger)
        let sink = ExactlyOnceSink(
            consumer: storeConsumer, pool: pool, groupID: "voltline-ingest-store", batchLimit: settings.storeBatch,
            logger: logger, apply: { try await store.apply($0, in: $1) })
        let intake = ReadingIntake(
            decoder: GatewayPayloadDecoder(limits: settings.limits), policy: settings.devicePolicy, devices: devices,
            producer: producer, logger: logger)
        let gate = FlowGate(watching: storeConsumer, maxLag: settings.maxLag, logger: logger)
        let mqtt = try MQTTClient(
            configuration: MQTTConfiguration(
                host: connections.mqttHost, port: connections.mqttPort, clientID: settings.instanceID,
                username: connections.mqttUsername, password: connections.mqttPassword, persistentSession: true,
                sessionExpiry: .seconds(7 * 24 * 3600), incomingBufferCapacity: 1_024,
                maximumPayloadSize: settings.limits.maxPayloadBytes),
            logger: logger)
        let router = Router()
        OpsServer.addRoutes(to: router, readiness: readiness, registry: registry)
        TelemetryRoutes.add(to: router, intake: intake, maxBytes: settings.limits.maxPayloadBytes)
        let address = OpsServer.Configuration(reader: reader, defaultPort: 8081)
        let http = Application(
            router: router, configuration: .init(address: .hostname(address.host, port: address.port)), logger: logger)
        let housekeeping = IngestHousekeeping(
            pool: pool, devices: devices, retentionDays: settings.retentionDays, readiness: readiness, logger: logger)
        let group = ServiceGroup(
            configuration: .init(
                services: [
                    .init(service: http), .init(service: ProducerLifecycle(producer)), .init(service: housekeeping),
                    .init(service: sink), .init(service: gate),
                    .init(service: MQTTIntake(client: mqtt, intake: intake, gate: gate, readiness: readiness, logger: logger)),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        return IngestService(group: group, intake: intake, readiness: readiness, gate: gate)
    }
}
