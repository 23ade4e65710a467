import CRdKafka
public import Logging

/// An in-process Kafka cluster (librdkafka's mock cluster) that real clients reach over loopback TCP.
///
/// Brokers listen on ephemeral `127.0.0.1` ports (librdkafka 2.0.2 cannot choose them); use
/// ``bootstrapServers``, or ``KafkaBootstrapForwarder`` for a fixed port. Topics are auto-created on
/// first use with the mock's default partition count;
/// ``createTopic(name:partitions:replicationFactor:)`` sets the count.
/// Each partition keeps only about the last 5 MB (or 100,000 message batches); older data is trimmed.
///
/// Ownership: `rd_kafka_mock_cluster_new` needs an `rd_kafka_t` for its bookkeeping; this object
/// creates one of its own and destroys the cluster before that handle.
public final class KafkaMockCluster: Sendable {
    /// The brokers' `host:port` list, comma separated, for `bootstrap.servers`.
    public let bootstrapServers: String

    private let client: RDKafkaClient
    let cluster: MockClusterPointer

    /// Starts a mock cluster.
    /// - Parameters:
    ///   - brokers: the number of brokers, with ids 1 through `brokers`.
    ///   - logger: receives librdkafka's log lines of the cluster's handle.
    /// - Throws: ``KafkaError`` if librdkafka could not create the cluster.
    public init(brokers: Int = 1, logger: Logger) throws {
        client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER, properties: ["client.id": "voltline-mock-cluster"],
            callbacks: RDKafkaCallbacks(logger: logger))
        guard let cluster = rd_kafka_mock_cluster_new(client.handle, Int32(brokers)) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__FAIL, function: "rd_kafka_mock_cluster_new")
        }
        self.cluster = MockClusterPointer(pointer: cluster)
        bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster.pointer)
    }

    /// The first broker's address, the one a bootstrap forwarder should point at.
    public var firstBroker: String {
        String(bootstrapServers.split(separator: ",").first ?? "")
    }

    /// Creates a topic (the mock does not implement the Admin API's CreateTopics).
    /// - Throws: ``KafkaError`` if the topic exists already or the arguments are invalid.
    public func createTopic(name: String, partitions: Int, replicationFactor: Int = 1) throws {
        let err = rd_kafka_mock_topic_create(cluster.pointer, name, Int32(partitions), Int32(replicationFactor))
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(err, function: "rd_kafka_mock_topic_create") }
    }
}

/// The `rd_kafka_mock_cluster_t` of a ``KafkaMockCluster``.
struct MockClusterPointer: @unchecked Sendable {
    // @unchecked: the mock cluster runs its own thread and its API takes a lock internally, so the
    // pointer may be used from any thread until KafkaMockCluster's deinit destroys it.
    let pointer: OpaquePointer
}
