import Foundation
import Logging
import Metrics
import VoltlineAnalytics
import VoltlineKafka
import VoltlinePostgres

/// Applies anomaly messages to `alerts` and `alert_events` inside the sink's transaction.
///
/// One open alert per device and rule: a warning or worse raises it, repeats at the same or a lower level
/// bump its count (no event), a higher level escalates it (and reactivates an acknowledged alert), and a
/// `normal` message resolves it automatically. Every transition writes one `alert_events` row, published
/// later by ``AlertEventPublisher``. Event times are the anomalies' own, so a replay writes the same rows.
struct AnomalyApplier: Sendable {
    private let logger: Logger
    private let rejected = Counter(label: "voltline_alerts_rejected_messages_total")
    private let outcomes: [AlertOutcome: Counter]

    /// Creates the applier and its metrics.
    init(logger: Logger) {
        self.logger = logger
        outcomes = Dictionary(
            uniqueKeysWithValues: AlertOutcome.allCases.map {
                ($0, Counter(label: "voltline_alerts_anomalies_total", dimensions: [("outcome", $0.rawValue)]))
            })
    }

    /// Applies `messages` in order; unparseable ones are counted, logged and skipped.
    func apply(_ messages: [KafkaMessage], in transaction: PostgresConnection) async throws {
        let decoder = JSONDecoder()
        for message in messages {
            let anomaly: AnomalyMessage
            do {
                anomaly = try decoder.decode(AnomalyMessage.self, from: Data(message.value))
            } catch {
                rejected.increment()
                logger.error(
                    "skipping unparseable anomaly message",
                    metadata: [
                        "kafka.partition": "\(message.partition)", "kafka.offset": "\(message.offset)",
                        "error": "\(error)",
                    ])
                continue
            }
            let outcome = try await apply(anomaly, in: transaction)
            outcomes[outcome]?.increment()
        }
    }

    /// Applies one anomaly.
    func apply(_ anomaly: AnomalyMessage, in transaction: PostgresConnection) async throws -> AlertOutcome {
        guard anomaly.level != .normal else { return try await resolve(anomaly, in: transaction) }
        let open = try await transaction.query(
            """
            SELECT id, level FROM alerts
            WHERE device_id = \(anomaly.device) AND rule = \(anomaly.rule) AND state <> 'resolved'
            FOR UPDATE
            """)
        guard let row = open.first else {
            let inserted = try await transaction.query(
                """
                INSERT INTO alerts (device_id, rule, level, state, message, first_seen_at, last_seen_at)
                VALUES (\(anomaly.device), \(anomaly.rule), \(anomaly.level.rawValue), 'active', \(anomaly.message),
                        \(anomaly.time), \(anomaly.time))
                RETURNING id
                """)
            try await recordEvent("raised", alert: try inserted[0].decode(Int64.self, at: 0), anomaly, in: transaction)
            return .raised
        }
        let id = try row.decode(Int64.self, at: 0)
        let current = RiskLevel(rawValue: try row.decode(String.self, at: 1)) ?? .danger
        guard anomaly.level > current else {
            try await transaction.execute(
                """
                UPDATE alerts SET occurrences = occurrences + 1, last_seen_at = greatest(last_seen_at, \(anomaly.time))
                WHERE id = \(id)
                """)
            return .deduplicated
        }
        try await transaction.execute(
            """
            UPDATE alerts SET level = \(anomaly.level.rawValue), state = 'active', message = \(anomaly.message),
                              occurrences = occurrences + 1, last_seen_at = greatest(last_seen_at, \(anomaly.time))
            WHERE id = \(id)
            """)
        try await recordEvent("escalated", alert: id, anomaly, in: transaction)
        return .escalated
    }

    private func resolve(_ anomaly: AnomalyMessage, in transaction: PostgresConnection) async throws -> AlertOutcome {
        let resolved = try await transaction.query(
            """
            UPDATE alerts SET state = 'resolved', resolved_at = \(anomaly.time), resolved_by = 'system'
            WHERE device_id = \(anomaly.device) AND rule = \(anomaly.rule) AND state <> 'resolved'
            RETURNING id
            """)
        guard let row = resolved.first else { return .noOpenAlert }
        try await recordEvent("auto_resolved", alert: try row.decode(Int64.self, at: 0), anomaly, in: transaction)
        return .autoResolved
    }

    /// Writes the `alert_events` row of a transition, copying the alert's level and state after it.
    private func recordEvent(
        _ event: String, alert id: Int64, _ anomaly: AnomalyMessage, in transaction: PostgresConnection
    ) async throws {
        try await transaction.execute(
            """
            INSERT INTO alert_events (alert_id, at, event, level, state, actor, note)
            SELECT id, \(anomaly.time), \(event), level, state, 'system', \(anomaly.message) FROM alerts WHERE id = \(id)
            """)
    }
}
