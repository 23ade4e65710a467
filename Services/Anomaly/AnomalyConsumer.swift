import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VoltlineAnalytics
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Evaluates every reading with an ``AnomalyEvaluator`` and, per batch, writes the anomalies and
/// condition changes to `anomalies`, publishes the rows actually inserted, then stores the batch's offsets.
///
/// The evaluator's history lives in memory; after a restart the statistics warm up again from the
/// readings replayed and later ones. Rows are keyed `(device_id, rule, ts)`, so a replay adds none.
struct AnomalyConsumer: Service, CustomStringConvertible {
    let consumer: KafkaConsumer
    let producer: KafkaProducer
    let pool: PostgresPool
    let devices: DeviceLookup
    let readiness: ReadinessProbe
    let batchLimit: Int
    let clearAfterReadings: Int
    let logger: Logger
    private let readingsConsumed = Counter(label: "voltline_anomaly_readings_consumed_total")
    private let written = Counter(label: "voltline_anomaly_anomalies_written_total")
    private let undecodable = Counter(label: "voltline_anomaly_undecodable_total")
    private let lag = Gauge(label: "voltline_anomaly_consumer_lag")

    var description: String { "AnomalyConsumer" }

    init(
        consumer: KafkaConsumer, producer: KafkaProducer, pool: PostgresPool, devices: DeviceLookup,
        readiness: ReadinessProbe, batchLimit: Int, clearAfterReadings: Int, logger: Logger
    ) {
        self.clearAfterReadings = clearAfterReadings
        self.consumer = consumer
        self.producer = producer
        self.pool = pool
        self.devices = devices
        self.readiness = readiness
        self.batchLimit = batchLimit
        self.logger = logger
    }

    func run() async throws {
        try await pool.withConnection { _ = try await $0.query("SELECT 1") }
        readiness.set("ready", true)
        var evaluator = AnomalyEvaluator(clearAfterNormalReadings: clearAfterReadings)
        var messages = consumer.messages.makeAsyncIterator()
        try await withGracefulShutdownHandler {
            while let batch = try await messages.nextBatch(limit: batchLimit) {
                var records: [AnomalyRecord] = []
                var deadLetters: [DeadLetter] = []
                for message in batch {
                    guard let reading = try? ReadingCodec.decode(message.value) else {
                        undecodable.increment()
                        deadLetters.append(
                            DeadLetter(
                                reason: "undecodable", detail: "not a binary reading v1", source: "anomaly",
                                topic: message.topic, receivedAtMillis: Int64(Date().timeIntervalSince1970 * 1000),
                                payload: message.value))
                        continue
                    }
                    let limits = await devices.record(for: reading.deviceID).map { DeviceLimits($0) } ?? DeviceLimits()
                    records += AnomalyRecord.records(of: evaluator.evaluate(reading, limits: limits))
                }
                readingsConsumed.increment(by: batch.count - deadLetters.count)
                try await write(records, deadLetters: deadLetters)
                for partition in Set(batch.map(\.topicPartition)) {
                    let last = batch.filter { $0.topicPartition == partition }.max { $0.offset < $1.offset }!
                    try consumer.storeOffset(last)
                }
                try await consumer.commit()
                lag.record(await consumer.lag().reduce(0) { $0 + $1.lag })
            }
        } onGracefulShutdown: {
            Task { try? await consumer.close() }
        }
        // Also when cancelled: leave the group now rather than after the session timeout.
        try? await consumer.close()
    }

    /// Inserts the records in one transaction and publishes those actually inserted before committing it.
    private func write(_ records: [AnomalyRecord], deadLetters: [DeadLetter]) async throws {
        guard !records.isEmpty || !deadLetters.isEmpty else { return }
        let rows = String(decoding: try JSONEncoder().encode(records), as: UTF8.self)
        let inserted = try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                let keys = try await transaction.query(
                    """
                    INSERT INTO anomalies (device_id, ts, source, rule, level, score, value, threshold, message)
                    SELECT device, to_timestamp(ts / 1000.0), source, rule, level, score, value, threshold, message
                    FROM jsonb_to_recordset(\(rows)::jsonb) AS r(device text, ts bigint, source text, rule text,
                        level text, score float8, value float8, threshold float8, message text)
                    ON CONFLICT (device_id, rule, ts) DO NOTHING
                    RETURNING device_id, rule, (extract(epoch FROM ts) * 1000)::bigint
                    """)
                var fresh = Set<String>()
                for row in keys {
                    fresh.insert("\(try row.decode(String.self, at: 0))|\(try row.decode(String.self, at: 1))|\(try row.decode(Int64.self, at: 2))")
                }
                // A key inserted once publishes once, even when a replay put it in this batch twice.
                let published = records.filter { fresh.remove("\($0.device)|\($0.rule)|\($0.ts)") != nil }
                try await producer.sendAll(topic: KafkaTopic.anomalies, published.map { ($0.device, $0.json) })
                try await producer.sendAll(
                    topic: KafkaTopic.deadLetter, deadLetters.map { (String(decoding: $0.key, as: UTF8.self), $0.encoded()) })
                return published.count
            }
        }
        written.increment(by: inserted)
    }
}
