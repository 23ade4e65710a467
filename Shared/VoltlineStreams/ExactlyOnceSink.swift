public import Logging
import Metrics
public import ServiceLifecycle
public import VoltlineKafka
public import VoltlinePostgres

/// Consumes Kafka messages in batches and applies each batch to PostgreSQL exactly once.
///
/// Each batch runs in one transaction that also locks and advances the group's rows in
/// `stream_offsets`; messages below the stored offset (already applied before a crash, redelivered
/// because the Kafka commit had not happened yet) are skipped inside that transaction. So a sink killed
/// at any point and restarted ends with exactly the rows an uninterrupted one would have. Kafka offsets
/// are stored after the commit as well, to keep consumer lag meaningful.
///
/// When the database is away the batch is retried with backoff until it succeeds: nothing accepted is
/// dropped; meanwhile the consumer's bounded buffer fills and fetching stops (backpressure).
public struct ExactlyOnceSink: Service, CustomStringConvertible {
    /// Applies the fresh messages of a batch inside the sink's transaction.
    public typealias Apply = @Sendable (_ messages: [KafkaMessage], _ transaction: PostgresConnection) async throws -> Void
    /// Runs after a batch is committed (publish derived events, update caches); must not throw.
    public typealias AfterCommit = @Sendable (_ messages: [KafkaMessage]) async -> Void

    private let consumer: KafkaConsumer
    private let pool: PostgresPool
    private let groupID: String
    private let batchLimit: Int
    private let apply: Apply
    private let afterCommit: AfterCommit?
    private let logger: Logger
    private let applied: Counter
    private let skipped: Counter
    private let retries: Counter
    private let logResets: Counter

    public var description: String { "ExactlyOnceSink(\(groupID))" }

    /// Creates a sink.
    /// - Parameters:
    ///   - consumer: a consumer in group `groupID`, subscribed to the topics to apply.
    ///   - pool: the database.
    ///   - groupID: the consumer group; names the rows in `stream_offsets`.
    ///   - batchLimit: the most messages applied in one transaction.
    ///   - logger: where retries and failures are logged.
    ///   - apply: writes one batch's results through the given transaction's connection.
    ///   - afterCommit: called with each committed batch.
    public init(
        consumer: KafkaConsumer, pool: PostgresPool, groupID: String, batchLimit: Int = 2_000, logger: Logger,
        apply: @escaping Apply, afterCommit: AfterCommit? = nil
    ) {
        self.consumer = consumer
        self.pool = pool
        self.groupID = groupID
        self.batchLimit = batchLimit
        self.apply = apply
        self.afterCommit = afterCommit
        self.logger = logger
        let dimensions = [("group", groupID)]
        applied = Counter(label: "voltline_sink_applied_messages_total", dimensions: dimensions)
        skipped = Counter(label: "voltline_sink_skipped_redelivered_total", dimensions: dimensions)
        retries = Counter(label: "voltline_sink_retries_total", dimensions: dimensions)
        logResets = Counter(label: "voltline_sink_log_resets_total", dimensions: dimensions)
    }

    public func run() async throws {
        var messages = consumer.messages.makeAsyncIterator()
        try await withGracefulShutdownHandler {
            while let batch = try await messages.nextBatch(limit: batchLimit) {
                try await applyUntilCommitted(batch)
                for last in Self.lastPerPartition(batch) { try consumer.storeOffset(last) }
                await afterCommit?(batch)
            }
        } onGracefulShutdown: {
            Task { try? await consumer.close() }
        }
    }

    private func applyUntilCommitted(_ batch: [KafkaMessage]) async throws {
        var delay = Duration.milliseconds(100)
        while true {
            do {
                try await pool.withConnection { connection in
                    try await connection.withTransaction { transaction in
                        try await applyOnce(batch, in: transaction)
                    }
                }
                return
            } catch let error as PostgresError {
                retries.increment()
                logger.warning(
                    "sink batch failed, retrying", metadata: ["error": "\(error)", "retry.delay": "\(delay)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    private func applyOnce(_ batch: [KafkaMessage], in transaction: PostgresConnection) async throws {
        var fresh: [KafkaMessage] = []
        fresh.reserveCapacity(batch.count)
        var highWatermarks: [KafkaTopicPartition: Int64]?
        for (partition, messages) in Dictionary(grouping: batch, by: \.topicPartition) {
            var stored = try await storedOffset(of: partition, in: transaction)
            if messages.contains(where: { $0.offset < stored }) {
                // Below the stored offset is normally a redelivery after a crash. But if the partition's log
                // now ends below that offset, the log itself started over (an in-memory dev broker restarted,
                // a topic was deleted and recreated): its messages are new, and skipping them would lose them.
                if highWatermarks == nil {
                    highWatermarks = Dictionary(
                        (await consumer.lag()).compactMap { lag in lag.highWatermark.map { (lag.topicPartition, $0) } },
                        uniquingKeysWith: { first, _ in first })
                }
                if let end = highWatermarks?[partition], end < stored {
                    logResets.increment()
                    logger.error(
                        "Kafka log restarted below the stored offset; applying its messages as new",
                        metadata: [
                            "kafka.partition": "\(partition)", "sink.stored_offset": "\(stored)",
                            "kafka.high_watermark": "\(end)",
                        ])
                    stored = 0
                }
            }
            fresh.append(contentsOf: messages.filter { $0.offset >= stored })
        }
        skipped.increment(by: batch.count - fresh.count)
        fresh.sort { ($0.topicPartition.partition, $0.offset) < ($1.topicPartition.partition, $1.offset) }
        if !fresh.isEmpty { try await apply(fresh, transaction) }
        for last in Self.lastPerPartition(fresh) {
            let next = last.offset + 1
            try await transaction.execute(
                """
                INSERT INTO stream_offsets (consumer_group, topic, partition, next_offset)
                VALUES (\(groupID), \(last.topicPartition.topic), \(Int32(last.topicPartition.partition)), \(next))
                ON CONFLICT (consumer_group, topic, partition)
                DO UPDATE SET next_offset = EXCLUDED.next_offset, updated_at = now()
                """)
        }
        applied.increment(by: fresh.count)
    }

    private func storedOffset(of partition: KafkaTopicPartition, in transaction: PostgresConnection) async throws
        -> Int64
    {
        let rows = try await transaction.query(
            """
            SELECT next_offset FROM stream_offsets
            WHERE consumer_group = \(groupID) AND topic = \(partition.topic) AND partition = \(Int32(partition.partition))
            FOR UPDATE
            """)
        return try rows.first?.decode(Int64.self, at: 0) ?? 0
    }

    private static func lastPerPartition(_ batch: [KafkaMessage]) -> [KafkaMessage] {
        var last: [KafkaTopicPartition: KafkaMessage] = [:]
        for message in batch where message.offset >= last[message.topicPartition]?.offset ?? -1 {
            last[message.topicPartition] = message
        }
        return Array(last.values)
    }
}
