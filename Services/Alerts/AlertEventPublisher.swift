import Foundation
import Logging
import Metrics
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlineMQTT
import VoltlinePostgres
import VoltlineService

/// Publishes the `alert_events` rows not yet published (the outbox), in id order, to Kafka
/// `voltline.alerts.v1` (keyed by device) and to MQTT `voltline/v1/alerts/{site}/{device}` (QoS 1, retained),
/// then marks them published.
///
/// A pass runs after every sink batch (``wake()``) and on a timer, so transitions made through the api are
/// published too. Events are marked only after both brokers acknowledged them: a crash in between publishes
/// them again after the restart (at-least-once; consumers drop copies by `event_id`), never loses them.
/// A PostgreSQL advisory lock held for the pass keeps replicas from publishing the same events concurrently.
/// The site comes from `devices` in the same query ("default" for an unknown device), so it is never stale.
final class AlertEventPublisher: Service, CustomStringConvertible, Sendable {
    private static let lockKey: Int64 = 0x766F_6C74_616C_7274  // "voltalrt"

    private let pool: PostgresPool
    private let producer: KafkaProducer
    private let mqtt: MQTTClient
    private let settings: AlertsSettings
    private let readiness: ReadinessProbe
    private let logger: Logger
    private let wakeups: AsyncStream<Void>
    private let wakeupContinuation: AsyncStream<Void>.Continuation
    private let published = Counter(label: "voltline_alerts_events_published_total")
    private let failures = Counter(label: "voltline_alerts_publish_failures_total")

    var description: String { "AlertEventPublisher" }

    /// Creates the publisher; ``run()`` connects `mqtt` and shuts `producer` down at the end.
    init(
        pool: PostgresPool, producer: KafkaProducer, mqtt: MQTTClient, settings: AlertsSettings,
        readiness: ReadinessProbe, logger: Logger
    ) {
        self.pool = pool
        self.producer = producer
        self.mqtt = mqtt
        self.settings = settings
        self.readiness = readiness
        self.logger = logger
        (wakeups, wakeupContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for a publishing pass soon (wake-ups while one is pending coalesce).
    func wake() {
        wakeupContinuation.yield()
    }

    func run() async throws {
        try await connectMQTT()
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { [wakeupContinuation = self.wakeupContinuation, interval = self.settings.publishInterval] in
                    while (try? await Task.sleep(for: interval)) != nil { wakeupContinuation.yield() }
                }
                for await _ in self.wakeups {
                    guard !Task.isCancelled else { break }
                    await self.publishLoggingFailures()
                }
                group.cancelAll()
            }
        }
        // Last chance for what the sink committed during shutdown; the rest waits for the next start.
        await publishLoggingFailures()
        do {
            try await producer.shutdown()
        } catch {
            logger.warning("Kafka producer did not flush at shutdown", metadata: ["error": "\(error)"])
        }
        await mqtt.disconnect()
    }

    /// Publishes every pending event.
    /// - Returns: how many events were published.
    @discardableResult
    func publishPending() async throws -> Int {
        var total = 0
        while true {
            let count = try await publishBatch()
            total += count
            if count < settings.publishBatchSize { return total }
        }
    }

    private func publishLoggingFailures() async {
        do {
            try await publishPending()
        } catch {
            failures.increment()
            logger.warning("publishing alert events failed; retrying on the next pass", metadata: ["error": "\(error)"])
        }
    }

    private func connectMQTT() async throws {
        var delay = Duration.milliseconds(200)
        while true {
            do {
                try await mqtt.connect()
                readiness.set("mqtt", true)
                return
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                logger.warning("MQTT connect failed, retrying", metadata: ["error": "\(error)", "retry.delay": "\(delay)"])
                try await Task.sleep(for: delay)
                delay = min(delay * 2, .seconds(5))
            }
        }
    }

    /// Publishes up to one batch inside a transaction that holds the publisher lock.
    private func publishBatch() async throws -> Int {
        guard mqtt.isConnected else {
            readiness.set("mqtt", false)
            return 0  // QoS 1 publishes would wait for the reconnect while holding the lock
        }
        readiness.set("mqtt", true)
        let (count, failure) = try await pool.withConnection { connection in
            try await connection.withTransaction { transaction -> (Int, (any Error)?) in
                let locked = try await transaction.query("SELECT pg_try_advisory_xact_lock(\(Self.lockKey))")
                guard try locked[0].decode(Bool.self, at: 0) else { return (0, nil) }
                let rows = try await transaction.query(
                    """
                    SELECT e.id, e.alert_id, e.event, e.level, e.state,
                           (extract(epoch FROM e.at) * 1000)::bigint, a.message, e.actor, e.note,
                           a.device_id, a.rule, coalesce(d.site, 'default')
                    FROM alert_events e
                    JOIN alerts a ON a.id = e.alert_id
                    LEFT JOIN devices d ON d.device_id = a.device_id
                    WHERE e.published_at IS NULL
                    ORDER BY e.id
                    LIMIT \(Int64(settings.publishBatchSize))
                    """)
                var ids: [Int64] = []
                var failure: (any Error)?
                for row in rows {
                    do {
                        try await publish(row)
                        ids.append(try row.decode(Int64.self, at: 0))
                    } catch {
                        failure = error  // keep what was sent marked; retry the rest on the next pass
                        break
                    }
                }
                if !ids.isEmpty {
                    let idList = "{" + ids.map(String.init).joined(separator: ",") + "}"
                    try await transaction.execute(
                        "UPDATE alert_events SET published_at = now() WHERE id = ANY(\(idList)::bigint[])")
                    published.increment(by: ids.count)
                }
                return (ids.count, failure)
            }
        }
        if let failure { throw failure }
        return count
    }

    /// Sends one selected event row to Kafka and MQTT and waits for both acknowledgements.
    private func publish(_ row: PostgresRow) async throws {
        let event = AlertEventMessage(
            eventID: try row.decode(Int64.self, at: 0), alertID: try row.decode(Int64.self, at: 1),
            event: try row.decode(String.self, at: 2), device: try row.decode(String.self, at: 9),
            rule: try row.decode(String.self, at: 10), level: try row.decode(String.self, at: 3),
            state: try row.decode(String.self, at: 4), at: try row.decode(Int64.self, at: 5),
            message: try row.decode(String.self, at: 6), actor: try row.decode(String.self, at: 7),
            note: try row.decode(String?.self, at: 8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let payload = Array(try encoder.encode(event))
        _ = try await producer.send(topic: KafkaTopic.alerts, key: Array(event.device.utf8), value: payload)
        let topic = MQTTTopic.alert(site: try row.decode(String.self, at: 11), device: event.device)
        do {
            try await mqtt.publish(topic: topic, payload: payload, qos: .atLeastOnce, retain: true)
        } catch let error as MQTTError where error.code == .invalidTopic {
            // A site name that is no valid topic level must not block the outbox forever.
            failures.increment()
            logger.error("alert event not sent over MQTT", metadata: ["mqtt.topic": "\(topic)", "error": "\(error)"])
        }
    }
}
