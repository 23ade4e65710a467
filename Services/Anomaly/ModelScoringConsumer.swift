import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlineLearning
import VoltlinePostgres
import VoltlineStreams

/// Scores every minute window of `voltline.features.v1` with the learned detectors (``FleetAnomalyScorer``:
/// streaming statistics per device, the Isolation Forest of its kind when one is trained), writes each
/// score with its risk level to `anomaly_scores`, and, when ``raisesAlerts``, writes and publishes each change of
/// the combined risk level as an anomaly with source `model` and rule `model.risk` (level `normal` when it clears).
///
/// Its own consumer group, so the rule path (``AnomalyConsumer``) is untouched by it. State is in memory;
/// after a restart the statistics warm up again. Rows are keyed by device and window, so a replay adds none.
struct ModelScoringConsumer: Service, CustomStringConvertible {
    let consumer: KafkaConsumer
    let producer: KafkaProducer
    let pool: PostgresPool
    let book: ModelBook
    let thresholds: RiskThresholds
    /// Whether level changes become anomalies (and so alerts); otherwise they are only stored as scores.
    let raisesAlerts: Bool
    let batchLimit: Int
    let logger: Logger
    private let scored = Counter(label: "voltline_anomaly_model_windows_scored_total")
    private let changes = Counter(label: "voltline_anomaly_model_level_changes_total")

    var description: String { "ModelScoringConsumer" }

    init(
        consumer: KafkaConsumer, producer: KafkaProducer, pool: PostgresPool, book: ModelBook,
        thresholds: RiskThresholds, raisesAlerts: Bool, batchLimit: Int, logger: Logger
    ) {
        self.raisesAlerts = raisesAlerts
        self.consumer = consumer
        self.producer = producer
        self.pool = pool
        self.book = book
        self.thresholds = thresholds
        self.batchLimit = batchLimit
        self.logger = logger
    }

    /// One row of `anomaly_scores`, and for a level change one anomaly.
    private struct ScoreRow: Encodable {
        var device: String
        var ts: Int64
        var score: Double
        var level: String
        var detectors: [String: Double]
        var version: Int?
        var previous: String?
    }

    func run() async throws {
        var scorer = FleetAnomalyScorer(thresholds: thresholds)
        var generation = -1
        var versions: [String: Int] = [:]
        var messages = consumer.messages.makeAsyncIterator()
        try await withGracefulShutdownHandler {
            while let batch = try await messages.nextBatch(limit: batchLimit) {
                if await book.currentGeneration != generation {
                    generation = await book.currentGeneration
                    for (kind, entry) in await book.all {
                        scorer.setForest(entry.model, for: kind)
                        versions[kind] = entry.version
                    }
                }
                var rows: [ScoreRow] = []
                for message in batch {
                    guard let window = MinuteWindow(message.value),
                        let result = scorer.score(
                            deviceID: window.deviceID, kind: window.kind, timeSeconds: window.startMillis / 1000,
                            features: window.features)
                    else { continue }
                    rows.append(
                        ScoreRow(
                            device: window.deviceID, ts: window.startMillis, score: result.assessment.score,
                            level: result.assessment.level.rawValue, detectors: result.detectors,
                            version: result.detectors["isolation_forest"] == nil ? nil : versions[window.kind],
                            previous: result.assessment.changedFrom?.rawValue))
                }
                try await write(rows)
                scored.increment(by: rows.count)
                for partition in Set(batch.map(\.topicPartition)) {
                    let last = batch.filter { $0.topicPartition == partition }.max { $0.offset < $1.offset }!
                    try consumer.storeOffset(last)
                }
                try await consumer.commit()
            }
        } onGracefulShutdown: {
            Task { try? await consumer.close() }
        }
        try? await consumer.close()
    }

    /// Stores the scores and the level changes in one transaction, publishing the changes actually inserted.
    private func write(_ rows: [ScoreRow]) async throws {
        guard !rows.isEmpty else { return }
        let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
        try await pool.withConnection { connection in
            try await connection.withTransaction { transaction in
                _ = try await transaction.query(
                    """
                    INSERT INTO anomaly_scores (device_id, ts, score, level, detectors, model_version)
                    SELECT device, to_timestamp(ts / 1000.0), score, level, detectors, version
                    FROM jsonb_to_recordset(\(json)::jsonb)
                        AS r(device text, ts bigint, score float8, level text, detectors jsonb, version integer)
                    ON CONFLICT (device_id, ts) DO NOTHING
                    """)
                guard raisesAlerts else { return }
                let inserted = try await transaction.query(
                    """
                    INSERT INTO anomalies (device_id, ts, source, rule, level, score, message)
                    SELECT device, to_timestamp(ts / 1000.0), 'model', 'model.risk', level, score,
                        'Learned detectors: risk ' || level || ' (was ' || previous || '), combined score '
                            || round(score::numeric, 3) || '.'
                    FROM jsonb_to_recordset(\(json)::jsonb)
                        AS r(device text, ts bigint, score float8, level text, previous text)
                    WHERE previous IS NOT NULL
                    ON CONFLICT (device_id, rule, ts) DO NOTHING
                    RETURNING device_id, (extract(epoch FROM ts) * 1000)::bigint, level, score, message
                    """)
                var messages: [(key: String, value: [UInt8])] = []
                for row in inserted {
                    let device = try row.decode(String.self, at: 0)
                    let message: [String: Any] = [
                        "v": 1, "device": device, "ts": try row.decode(Int64.self, at: 1), "source": "model",
                        "rule": "model.risk", "level": try row.decode(String.self, at: 2),
                        "score": try row.decode(Double.self, at: 3), "message": try row.decode(String.self, at: 4),
                    ]
                    messages.append((device, Array(try JSONSerialization.data(withJSONObject: message))))
                }
                try await producer.sendAll(topic: KafkaTopic.anomalies, messages)
                changes.increment(by: messages.count)
            }
        }
    }
}

/// A `{"type":"minute"}` message of `voltline.features.v1`: device, kind, window start and numeric fields.
struct MinuteWindow {
    var deviceID: String
    var kind: String
    var startMillis: Int64
    var features: [String: Double]

    /// Nil for other message types and undecodable payloads.
    init?(_ bytes: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            object["type"] as? String == "minute", let device = object["device_id"] as? String,
            let kind = object["kind"] as? String, let start = (object["window_start_ms"] as? NSNumber)?.int64Value
        else { return nil }
        deviceID = device
        self.kind = kind
        startMillis = start
        features = object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }
}
