import Foundation
public import Configuration
public import Logging
public import VoltlineKafka
public import VoltlinePostgres

/// Where the servers are, read the same way by every service.
///
/// Keys (flag / environment): `kafka.brokers` (`--kafka-brokers`, `VOLTLINE_KAFKA_BROKERS`, comma-separated,
/// default `127.0.0.1:19092`), `database.url` (`VOLTLINE_DATABASE_URL`, default the local PostgreSQL),
/// `database.pool-size` (default 4), `mqtt.host` (127.0.0.1), `mqtt.port` (18830), `mqtt.username`,
/// `mqtt.password` (secret).
public struct ConnectionSettings: Sendable {
    /// Kafka bootstrap servers.
    public var kafkaBrokers: [String]
    /// PostgreSQL URL.
    public var databaseURL: String
    /// Connections in the service's pool.
    public var databasePoolSize: Int
    /// MQTT broker host and port.
    public var mqttHost: String
    public var mqttPort: Int
    /// MQTT credentials, when the broker wants them.
    public var mqttUsername: String?
    public var mqttPassword: String?

    /// Reads the settings.
    public init(reader: ConfigReader) {
        kafkaBrokers = reader.string(forKey: "kafka.brokers", default: "127.0.0.1:19092")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        databaseURL = reader.string(
            forKey: "database.url", isSecret: true,
            default: "postgresql://voltline:voltline@127.0.0.1:54329/voltline")
        databasePoolSize = reader.int(forKey: "database.pool-size", default: 4)
        mqttHost = reader.string(forKey: "mqtt.host", default: "127.0.0.1")
        mqttPort = reader.int(forKey: "mqtt.port", default: 18830)
        mqttUsername = reader.string(forKey: "mqtt.username")
        mqttPassword = reader.string(forKey: "mqtt.password", isSecret: true)
    }

    /// A Kafka client configuration for `clientID`.
    public func kafka(clientID: String) -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: kafkaBrokers, clientID: clientID)
    }

    /// The PostgreSQL configuration.
    /// - Throws: `PostgresError` when the URL is malformed.
    public func postgres(applicationName: String) throws -> PostgresConfiguration {
        var configuration = try PostgresConfiguration(url: databaseURL)
        configuration.applicationName = applicationName
        return configuration
    }

    /// A connection pool of `database.pool-size` connections; `service` is the application name
    /// PostgreSQL shows for them.
    /// - Throws: `PostgresError` when the URL is malformed.
    public func pool(for service: String, logger: Logger) throws -> PostgresPool {
        PostgresPool(
            configuration: try postgres(applicationName: service), maxConnections: databasePoolSize, logger: logger)
    }

    /// An idempotent producer for `service`. A `messageTimeout` of zero never gives up on a message while
    /// Kafka is away (librdkafka's bounded queue then pushes back instead).
    /// - Throws: `KafkaError` for an invalid configuration.
    public func producer(for service: String, messageTimeout: Duration = .seconds(30), logger: Logger) throws
        -> KafkaProducer
    {
        try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: kafka(clientID: service), messageTimeout: messageTimeout),
            logger: logger)
    }

    /// A member of consumer group `group` reading `topics`; `autoCommitInterval` nil commits only on request.
    /// - Throws: `KafkaError` for an invalid configuration.
    public func consumer(
        for service: String, group: String, topics: [String], bufferCapacity: Int = 1024,
        autoCommitInterval: Duration? = .seconds(5), logger: Logger
    ) throws -> KafkaConsumer {
        try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: kafka(clientID: service), groupID: group, topics: topics, bufferCapacity: bufferCapacity,
                autoCommitInterval: autoCommitInterval),
            logger: logger)
    }
}
