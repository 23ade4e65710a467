import CRdKafka
public import Logging
import VoltlineSupport

/// Cluster administration (topic creation) over the Kafka Admin API.
///
/// librdkafka 2.0.2's mock cluster does not implement CreateTopics (its metadata names no controller):
/// against it, ``createTopics(_:timeout:)`` throws ``KafkaError/Code/timedOut`` ("Failed while waiting
/// for controller") after `timeout`; use ``KafkaMockCluster/createTopic(name:partitions:replicationFactor:)``.
public final class KafkaAdmin: Sendable {
    private let client: RDKafkaClient
    private let executor = BlockingExecutor(label: "voltline.kafka.admin")

    /// Creates an admin client.
    /// - Parameters:
    ///   - configuration: cluster address, client id and librdkafka properties.
    ///   - logger: receives librdkafka's log lines.
    /// - Throws: ``KafkaError`` ``KafkaError/Code/invalidConfiguration`` for a bad property.
    public init(configuration: KafkaConfiguration, logger: Logger) throws {
        client = try RDKafkaClient(
            type: RD_KAFKA_PRODUCER, properties: configuration.librdkafkaProperties(),
            callbacks: RDKafkaCallbacks(logger: logger))
    }

    /// Creates topics; topics that already exist are not an error.
    /// - Parameters:
    ///   - topics: the topics to create.
    ///   - timeout: how long to wait for the brokers.
    /// - Throws: ``KafkaError`` for the request, or for the first topic that could not be created.
    public func createTopics(_ topics: [KafkaTopicSpec], timeout: Duration = .seconds(30)) async throws {
        let client = client
        try await executor.run { try Self.createTopics(topics, timeout: timeout, on: client.handle) }
    }

    /// Runs `rd_kafka_CreateTopics` and blocks on a private queue for its result event.
    private static func createTopics(_ topics: [KafkaTopicSpec], timeout: Duration, on rk: OpaquePointer) throws {
        var errorText = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
        for topic in topics {
            guard
                let newTopic = rd_kafka_NewTopic_new(
                    topic.name, Int32(topic.partitions), Int32(topic.replicationFactor), &errorText, errorText.count)
            else {
                throw KafkaError(
                    RD_KAFKA_RESP_ERR__INVALID_ARG, function: "rd_kafka_NewTopic_new",
                    message: String(nulTerminated: errorText))
            }
            newTopics.append(newTopic)
        }
        let options = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        _ = rd_kafka_AdminOptions_set_operation_timeout(options, timeout.milliseconds, &errorText, errorText.count)
        _ = rd_kafka_AdminOptions_set_request_timeout(options, timeout.milliseconds, &errorText, errorText.count)
        let queue = rd_kafka_queue_new(rk)
        defer { rd_kafka_queue_destroy(queue) }

        rd_kafka_CreateTopics(rk, &newTopics, newTopics.count, options, queue)
        // The request itself times out after `timeout`, so the wait gets a margin on top.
        guard let event = rd_kafka_queue_poll(queue, timeout.milliseconds + 5000) else {
            throw KafkaError(RD_KAFKA_RESP_ERR__TIMED_OUT, function: "rd_kafka_CreateTopics")
        }
        defer { rd_kafka_event_destroy(event) }
        let err = rd_kafka_event_error(event)
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(
                err, function: "rd_kafka_CreateTopics", message: String(cString: rd_kafka_event_error_string(event)))
        }
        var count = 0
        let results = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count)
        for result in UnsafeBufferPointer(start: results, count: count) {
            let err = rd_kafka_topic_result_error(result)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR || err == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                let name = String(cString: rd_kafka_topic_result_name(result))
                let text = rd_kafka_topic_result_error_string(result).map { String(cString: $0) } ?? ""
                throw KafkaError(err, function: "rd_kafka_CreateTopics", message: "\(name): \(text)")
            }
        }
    }
}
