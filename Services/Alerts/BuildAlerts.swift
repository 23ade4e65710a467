import Configuration
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlineMQTT
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Builds the alerts service: the outbox publisher, the anomaly sink (``ExactlyOnceSink`` over
/// `voltline.anomalies.v1`, waking the publisher after each batch) and the ops server (default port 8084).
/// - Throws: when a client cannot be created from the settings.
func buildAlerts(reader: ConfigReader, registry: PrometheusCollectorRegistry, logger: Logger) throws -> AlertsServices {
    let connections = ConnectionSettings(reader: reader)
    let settings = AlertsSettings(reader: reader)
    let pool = try connections.pool(for: "voltline-alerts", logger: logger)
    let producer = try connections.producer(for: "voltline-alerts", messageTimeout: .seconds(10), logger: logger)
    let mqtt = try MQTTClient(
        configuration: .init(
            host: connections.mqttHost, port: connections.mqttPort, clientID: settings.mqttClientID,
            username: connections.mqttUsername, password: connections.mqttPassword),
        logger: logger)
    let readiness = ReadinessProbe(conditions: ["mqtt"])
    let publisher = AlertEventPublisher(
        pool: pool, producer: producer, mqtt: mqtt, settings: settings, readiness: readiness, logger: logger)
    let applier = AnomalyApplier(logger: logger)
    let consumer = try connections.consumer(
        for: "voltline-alerts", group: settings.consumerGroup, topics: [KafkaTopic.anomalies], logger: logger)
    let sink = ExactlyOnceSink(
        consumer: consumer, pool: pool, groupID: settings.consumerGroup, batchLimit: settings.sinkBatchSize,
        logger: logger, apply: { messages, transaction in try await applier.apply(messages, in: transaction) },
        afterCommit: { _ in publisher.wake() })
    let ops = OpsServer.application(
        configuration: .init(reader: reader, defaultPort: 8084), readiness: readiness, registry: registry,
        logger: logger)
    let group = ServiceGroup(
        configuration: .init(
            services: [.init(service: publisher), .init(service: sink), .init(service: ops)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
    return AlertsServices(group: group, applier: applier, publisher: publisher)
}
