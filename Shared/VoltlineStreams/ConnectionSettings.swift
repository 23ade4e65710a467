import Foundation
public import Configuration
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
}
