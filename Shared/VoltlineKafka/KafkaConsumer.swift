import CRdKafka
public import Logging
import Synchronization
import VoltlineSupport

/// A member of a Kafka consumer group, subscribed to topics.
///
/// A dedicated thread polls librdkafka and feeds ``messages`` through a bounded buffer. Offsets are
/// committed only for messages passed to ``storeOffset(_:)``: explicitly with ``commit()``, in the
/// background every ``KafkaConsumerConfiguration/autoCommitInterval``, before partitions are revoked,
/// and on ``close()``. A committed offset outside the log is never silently reset: ``messages`` throws
/// ``KafkaError/Code/offsetOutOfRange`` and ``statistics`` counts it.
///
/// Call ``close()`` to leave the group cleanly.
public final class KafkaConsumer: Sendable {
    /// The received messages; iterate from one task only.
    public let messages: KafkaConsumerMessages

    private let client: RDKafkaClient
    private let tracker: AssignmentTracker
    private let buffer: BackpressureBuffer<KafkaMessage>
    private let pollThread: PollThread
    private let executor = BlockingExecutor(label: "voltline.kafka.consumer")
    private let counters = ConsumerCounters()
    private let isClosed = Atomic<Bool>(false)

    /// Creates a consumer, subscribes it and starts its poll thread.
    /// - Parameters:
    ///   - configuration: cluster address, group, topics and librdkafka properties.
    ///   - logger: receives librdkafka's log lines and rebalance events.
    /// - Throws: ``KafkaError`` ``KafkaError/Code/invalidConfiguration`` for a bad property, or the
    ///   subscription's error.
    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws {
        let tracker = AssignmentTracker()
        let rebalance = RebalanceHandler(
            tracker: tracker, logger: logger, committedTimeout: .seconds(10), startPosition: configuration.startPosition)
        let client = try RDKafkaClient(
            type: RD_KAFKA_CONSUMER, properties: configuration.librdkafkaProperties,
            callbacks: RDKafkaCallbacks(logger: logger, rebalance: { rebalance.handle($0, $1, $2) }))
        // Route all events (rebalances included) to rd_kafka_consumer_poll on the poll thread.
        rd_kafka_poll_set_consumer(client.handle)
        try withPartitionList(
            configuration.topics.map { (KafkaTopicPartition(topic: $0, partition: Int(RD_KAFKA_PARTITION_UA)), 0) }
        ) { list in
            let err = rd_kafka_subscribe(client.handle, list)
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError(err, function: "rd_kafka_subscribe") }
        }
        let buffer = BackpressureBuffer<KafkaMessage>(capacity: configuration.bufferCapacity)
        self.client = client
        self.tracker = tracker
        self.buffer = buffer
        messages = KafkaConsumerMessages(buffer: buffer, tracker: tracker)
        let counters = counters
        pollThread = PollThread(name: "voltline.kafka.consumer.poll") {
            Self.pollOnce(client: client, tracker: tracker, buffer: buffer, counters: counters, logger: logger)
        }
    }

    deinit {
        buffer.finish()
        pollThread.requestStop()
    }

    /// Counters of received messages and data-loss errors.
    public var statistics: KafkaConsumerStatistics { counters.statistics }

    /// The partitions currently assigned to this member.
    public var assignment: Set<KafkaTopicPartition> { tracker.assignment }

    /// Marks `message` as processed: its offset + 1 will be committed. Messages of partitions revoked
    /// since they were fetched are ignored, as their new owner receives them again.
    /// - Throws: ``KafkaError`` if librdkafka refuses to store the offset.
    public func storeOffset(_ message: KafkaMessage) throws {
        guard tracker.isCurrent(message) else { return }
        try store(nextOffset: message.offset + 1, for: message.topicPartition)
    }

    /// Marks everything before `nextOffset` in `partition` as processed, for consumers whose state spans
    /// many messages (open windows): they store the offset of the oldest message they still need, so a
    /// restart replays exactly that. Ignored for partitions no longer assigned.
    /// - Throws: ``KafkaError`` if librdkafka refuses to store the offset.
    public func storeOffset(_ nextOffset: Int64, for partition: KafkaTopicPartition) throws {
        guard tracker.assignment.contains(partition) else { return }
        try store(nextOffset: nextOffset, for: partition)
    }

    private func store(nextOffset: Int64, for partition: KafkaTopicPartition) throws {
        try withPartitionList([(partition, nextOffset)]) { list in
            var err = rd_kafka_offsets_store(client.handle, list)
            if err == RD_KAFKA_RESP_ERR_NO_ERROR, let element = list.elements.first { err = element.err }
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw KafkaError(err, function: "rd_kafka_offsets_store")
            }
        }
    }

    /// Commits the stored offsets synchronously (on a dedicated queue, not the cooperative pool).
    /// - Throws: ``KafkaError`` if the group coordinator did not accept the commit.
    public func commit() async throws {
        let client = client
        let err = await executor.run { rd_kafka_commit(client.handle, nil, 0) }
        guard err == RD_KAFKA_RESP_ERR_NO_ERROR || err == RD_KAFKA_RESP_ERR__NO_OFFSET else {
            throw KafkaError(err, function: "rd_kafka_commit")
        }
    }

    /// The lag of each assigned partition (high watermark − position), for flow control.
    public func lag() async -> [KafkaPartitionLag] {
        let client = client
        let partitions = tracker.assignment.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
        return await executor.run {
            withPartitionList(partitions.map { ($0, Int64(RD_KAFKA_OFFSET_INVALID)) }) { list in
                _ = rd_kafka_position(client.handle, list)
                return list.elements.map { element in
                    var low: Int64 = -1
                    var high: Int64 = -1
                    if rd_kafka_get_watermark_offsets(client.handle, element.topic, element.partition, &low, &high)
                        != RD_KAFKA_RESP_ERR_NO_ERROR || high < 0
                    {
                        _ = rd_kafka_query_watermark_offsets(
                            client.handle, element.topic, element.partition, &low, &high, 1000)
                    }
                    let position = element.offset >= 0 ? element.offset : nil
                    let highWatermark = high >= 0 ? high : nil
                    let lag = highWatermark.map { max(0, $0 - (position ?? max(low, 0))) } ?? 0
                    return KafkaPartitionLag(
                        topicPartition: KafkaTopicPartition(element), highWatermark: highWatermark,
                        position: position, lag: lag)
                }
            }
        }
    }

    /// Commits stored offsets, leaves the group, stops the poll thread and ends ``messages`` (after
    /// the messages already buffered).
    /// - Throws: ``KafkaError`` if the final commit or leaving the group failed.
    public func close() async throws {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        buffer.finish()  // also wakes the poll thread if it waits for room
        await pollThread.stop()
        let client = client
        try await executor.run {
            // After the poll thread stopped, so the revoke callback runs here, once.
            let commitErr = rd_kafka_commit(client.handle, nil, 0)
            let closeErr = rd_kafka_consumer_close(client.handle)
            // During a rebalance the coordinator refuses commits; the revoke step of
            // rd_kafka_consumer_close commits the same stored offsets again, so that is no failure.
            let ignorable = [
                RD_KAFKA_RESP_ERR_NO_ERROR, RD_KAFKA_RESP_ERR__NO_OFFSET, RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS,
            ]
            if !ignorable.contains(commitErr) {
                throw KafkaError(commitErr, function: "rd_kafka_commit")
            }
            if closeErr != RD_KAFKA_RESP_ERR_NO_ERROR {
                throw KafkaError(closeErr, function: "rd_kafka_consumer_close")
            }
        }
    }

    /// One `rd_kafka_consumer_poll` on the poll thread: pushes a message into the buffer (blocking
    /// while it is full), or reports an error.
    private static func pollOnce(
        client: RDKafkaClient, tracker: AssignmentTracker, buffer: BackpressureBuffer<KafkaMessage>,
        counters: ConsumerCounters, logger: Logger
    ) {
        guard let polled = rd_kafka_consumer_poll(client.handle, 100) else { return }
        let err = polled.pointee.err
        let message = err == RD_KAFKA_RESP_ERR_NO_ERROR ? KafkaMessage(polled, generation: tracker.generation) : nil
        let error = message == nil ? pollError(polled) : nil
        rd_kafka_message_destroy(polled)

        if let message {
            counters.messageReceived()
            buffer.push(message)
        } else if let error, error.code == .offsetOutOfRange || error.isFatal {
            if error.code == .offsetOutOfRange { counters.offsetOutOfRangeReported() }
            logger.info("Kafka consumer stopped", metadata: [KafkaLogKey.errorCode: "\(error)"])
            buffer.finish(throwing: error)
        } else if let error, err != RD_KAFKA_RESP_ERR__PARTITION_EOF {
            logger.info("Kafka consumer error", metadata: [KafkaLogKey.errorCode: "\(error)"])
        }
    }

    /// The error carried by a polled message, naming the partition and offset it concerns.
    private static func pollError(_ polled: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaError {
        let m = polled.pointee
        let topic = m.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? "-"
        let text = String(cString: rd_kafka_message_errstr(polled))
        return KafkaError(
            m.err, function: "rd_kafka_consumer_poll", message: "\(topic)[\(m.partition)] offset \(m.offset): \(text)")
    }
}
