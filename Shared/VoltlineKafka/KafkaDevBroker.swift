public import Logging

/// The development Kafka broker behind `voltline-kafka-dev`: a ``KafkaMockCluster`` with the
/// project's topics, reachable through a ``KafkaBootstrapForwarder`` on a fixed loopback port.
///
/// It lives in the library so that tests build exactly what the executable runs.
public final class KafkaDevBroker: Sendable {
    /// Voltline's topics and their partition counts.
    public static let defaultTopics: [KafkaTopicSpec] = [
        KafkaTopicSpec(name: "voltline.readings.v1", partitions: 12),
        KafkaTopicSpec(name: "voltline.features.v1", partitions: 12),
        KafkaTopicSpec(name: "voltline.anomalies.v1", partitions: 6),
        KafkaTopicSpec(name: "voltline.alerts.v1", partitions: 6),
        KafkaTopicSpec(name: "voltline.deadletter.v1", partitions: 6),
        KafkaTopicSpec(name: "voltline.commands.v1", partitions: 3),
    ]

    /// The mock cluster.
    public let cluster: KafkaMockCluster
    /// The fixed-port forwarder to the cluster's first broker.
    public let forwarder: KafkaBootstrapForwarder

    /// The fixed bootstrap address clients use, `127.0.0.1:<port>`.
    public var bootstrapServers: String { "127.0.0.1:\(forwarder.port)" }

    /// Starts the cluster, creates `topics` (the mock does not answer CreateTopics, so they are created
    /// on the mock directly) and starts the forwarder.
    /// - Parameters:
    ///   - brokers: the number of mock brokers.
    ///   - port: the fixed loopback bootstrap port; 0 picks a free one.
    ///   - topics: topics to create.
    ///   - logger: receives librdkafka's and the forwarder's logs.
    /// - Throws: ``KafkaError`` if the cluster, a topic or the port cannot be set up.
    public init(brokers: Int, port: Int, topics: [KafkaTopicSpec], logger: Logger) throws {
        cluster = try KafkaMockCluster(brokers: brokers, logger: logger)
        for topic in topics {
            try cluster.createTopic(
                name: topic.name, partitions: topic.partitions, replicationFactor: min(topic.replicationFactor, brokers)
            )
        }
        forwarder = try KafkaBootstrapForwarder(port: port, target: cluster.firstBroker, logger: logger)
    }

    /// Stops the forwarder; the cluster stops when this object is released.
    public func stop() {
        forwarder.stop()
    }
}
