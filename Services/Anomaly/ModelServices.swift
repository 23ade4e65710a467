import Configuration
import Logging
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlineLearning
import VoltlinePostgres
import VoltlineStreams

/// The learned-detector services of the anomaly service: the trainer (schedule and admin command) and the
/// scorer of feature windows, sharing one ``ModelBook``. Settings: ``ModelSettings``.
/// - Throws: when the Kafka consumers are misconfigured.
func buildModelServices(
    reader: ConfigReader, connections: ConnectionSettings, pool: PostgresPool, producer: KafkaProducer,
    logger: Logger
) throws -> [ServiceGroupConfiguration.ServiceConfiguration] {
    let settings = ModelSettings(reader: reader)
    let book = ModelBook()
    let trainer = ModelTrainer(
        pool: pool,
        commands: try connections.consumer(
            for: "voltline-anomaly", group: settings.adminGroupID, topics: [KafkaTopic.commands], logger: logger),
        book: book, settings: settings, logger: logger)
    let scoring = ModelScoringConsumer(
        consumer: try connections.consumer(
            for: "voltline-anomaly", group: settings.groupID, topics: [KafkaTopic.features], autoCommitInterval: nil,
            logger: logger),
        producer: producer, pool: pool, book: book,
        thresholds: RiskThresholds(warning: settings.warningScore, critical: settings.criticalScore),
        raisesAlerts: settings.raiseAlerts, batchLimit: max(1, reader.int(forKey: "anomaly.batch-limit", default: 1000)), logger: logger)
    return [.init(service: trainer), .init(service: scoring)]
}
