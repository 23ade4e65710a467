/// Settings of a ``KafkaConsumer``.
///
/// Some librdkafka properties are fixed because the consumer's guarantees rest on them:
/// `enable.auto.offset.store=false` (only offsets passed to ``KafkaConsumer/storeOffset(_:)`` are
/// committed) and `auto.offset.reset=error` (a committed offset outside the log is reported as
/// ``KafkaError/Code/offsetOutOfRange``, never silently reset).
public struct KafkaConsumerConfiguration: Sendable {
    /// Cluster address, client id and extra librdkafka properties.
    public var client: KafkaConfiguration
    /// The consumer group (`group.id`).
    public var groupID: String
    /// The topics to subscribe to.
    public var topics: [String]
    /// How many fetched messages wait for the application before the poll thread stops fetching.
    /// Default 1024.
    public var bufferCapacity: Int
    /// How often stored offsets are committed in the background (`auto.commit.interval.ms`);
    /// `nil` commits only in ``KafkaConsumer/commit()``, on rebalance and on close. Default 5 seconds.
    public var autoCommitInterval: Duration?
    /// Where a partition starts when the group has no committed offset for it. Default
    /// ``StartPosition/beginning``.
    public var startPosition: StartPosition

    /// Where a consumer starts reading a partition that its group has never committed an offset for.
    public enum StartPosition: Sendable, Hashable {
        /// The first message still in the log: a new group processes everything (pipelines).
        case beginning
        /// The high watermark at assignment: only messages produced afterwards (live followers that tail
        /// a topic and never commit).
        case end
    }

    /// Creates consumer settings.
    /// - Parameters:
    ///   - client: cluster address, client id and extra librdkafka properties.
    ///   - groupID: the consumer group.
    ///   - topics: the topics to subscribe to.
    ///   - bufferCapacity: fetched messages held for the application; at least 1.
    ///   - autoCommitInterval: background commit interval of stored offsets, or `nil` for none.
    ///   - startPosition: where partitions without a committed offset start.
    public init(
        client: KafkaConfiguration = KafkaConfiguration(), groupID: String, topics: [String],
        bufferCapacity: Int = 1024, autoCommitInterval: Duration? = .seconds(5),
        startPosition: StartPosition = .beginning
    ) {
        self.client = client
        self.groupID = groupID
        self.topics = topics
        self.bufferCapacity = bufferCapacity
        self.autoCommitInterval = autoCommitInterval
        self.startPosition = startPosition
    }

    /// The librdkafka properties; the offset-handling guarantees are applied last.
    var librdkafkaProperties: [String: String] {
        // A member that dies without leaving (SIGKILL) holds its partitions until its session times out:
        // 10 s instead of librdkafka's 45 s lets a restarted or surviving replica take over quickly.
        // Both stay overridable through the client's properties.
        //
        // `fetch.wait.max.ms` bounds how long a broker holds a fetch that found no data. Apache Kafka answers
        // as soon as data arrives, but librdkafka's mock cluster (the local broker) waits out the whole
        // interval, so its 500 ms default put up to half a second on every hop through a quiet topic
        // (anomalies, alerts): 25 ms keeps fault → alert fast at the cost of more idle fetches.
        var properties = [
            "session.timeout.ms": "10000", "heartbeat.interval.ms": "2000", "fetch.wait.max.ms": "25",
        ]
        properties.merge(client.librdkafkaProperties(overriding: ["group.id": groupID])) { _, configured in configured }
        if let autoCommitInterval {
            properties["enable.auto.commit"] = "true"
            properties["auto.commit.interval.ms"] = String(autoCommitInterval.milliseconds)
        } else {
            properties["enable.auto.commit"] = "false"
        }
        properties["enable.auto.offset.store"] = "false"
        properties["auto.offset.reset"] = "error"
        return properties
    }
}
