import Configuration
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import Testing
import VoltlineDomain
import VoltlineKafka
import VoltlineMQTT
import VoltlinePostgres
import VoltlineStreams
import VoltlineTestSupport

@testable import Alerts

@Suite("Alert lifecycle end to end", .timeLimit(.minutes(2)))
struct AlertLifecycleTests {
    let logger = Logger(label: "alerts-test")

    private func anomaly(_ device: String, _ rule: String, _ level: String, at ts: Int64) -> [UInt8] {
        Array(
            """
            {"v":1,"device":"\(device)","ts":\(ts),"source":"rule","rule":"\(rule)","level":"\(level)",
             "score":1.0,"value":61.5,"threshold":60,"message":"\(rule) is \(level)"}
            """.utf8)
    }

    private func events(_ connection: PostgresConnection) async throws -> [String] {
        try await connection.query("SELECT event || ':' || state || ':' || level || ':' || actor FROM alert_events ORDER BY id")
            .map { try $0.decode(String.self, at: 0) }
    }

    /// The alerts of the original rule, every column that a replay could change.
    private func snapshot(_ connection: PostgresConnection) async throws -> [String] {
        try await connection.query(
            """
            SELECT concat_ws('|', id, state, level, occurrences, last_seen_at, acknowledged_by, resolved_at)
            FROM alerts WHERE rule <> 'pack.marker' ORDER BY id
            """
        ).map { try $0.decode(String.self, at: 0) }
    }

    private func alert(_ connection: PostgresConnection, rule: String = "pack.over_temperature") async throws
        -> (id: Int64, state: String, level: String, occurrences: Int64)?
    {
        let rows = try await connection.query(
            "SELECT id, state, level, occurrences::bigint FROM alerts WHERE rule = \(rule) ORDER BY id DESC LIMIT 1")
        return try rows.first.map {
            (try $0.decode(Int64.self, at: 0), try $0.decode(String.self, at: 1), try $0.decode(String.self, at: 2),
             try $0.decode(Int64.self, at: 3))
        }
    }

    @Test("raised, deduplicated, escalated, acknowledged, re-activated, auto-resolved; published once; replay is a no-op")
    func lifecycle() async throws {
        try await TestDatabase.with { db in
            try await TestBroker.with { mqttBroker in
                let kafka = try KafkaDevBroker(brokers: 1, port: 0, topics: KafkaDevBroker.defaultTopics, logger: logger)
                defer { kafka.stop() }
                try await run(db: db, mqttBroker: mqttBroker, kafka: kafka)
            }
        }
    }

    private func run(db: TestDatabase, mqttBroker: TestBroker, kafka: KafkaDevBroker) async throws {
        let connection = try await db.connect()
        defer { Task { await connection.close() } }
        try await connection.execute("INSERT INTO devices (device_id, kind, site) VALUES ('pack-01', 'battery_pack', 'plant-a')")

        let values: [AbsoluteConfigKey: ConfigValue] = [
            "database.url": .init(.string(db.url), isSecret: true), "kafka.brokers": .init(.string(kafka.bootstrapServers), isSecret: false),
            "mqtt.port": .init(.int(mqttBroker.port), isSecret: false), "http.port": 0, "alerts.publish-interval-ms": 100,
        ]
        let reader = ConfigReader(provider: InMemoryProvider(values: values))
        let services = try buildAlerts(reader: reader, registry: PrometheusCollectorRegistry(), logger: logger)
        let running = Task { try await services.group.run() }

        // Observers: the Kafka alert topic and the MQTT alert tree.
        let kafkaEvents = Collector<AlertEventMessage>()
        let reader1 = try KafkaConsumer(
            configuration: .init(
                client: .init(bootstrapServers: [kafka.bootstrapServers]), groupID: "test-observer",
                topics: [KafkaTopic.alerts]),
            logger: logger)
        let kafkaTask = Task {
            for try await message in reader1.messages {
                kafkaEvents.append(try JSONDecoder().decode(AlertEventMessage.self, from: Data(message.value)))
            }
        }
        let mqttEvents = Collector<MQTTMessage>()
        let subscriber = try MQTTClient(
            configuration: .init(port: mqttBroker.port, clientID: "observer-live"), logger: logger)
        try await subscriber.connect()
        try await subscriber.subscribe(to: "voltline/v1/alerts/#")
        let mqttTask = Task { for try await message in subscriber.messages { mqttEvents.append(message) } }

        let producer = try KafkaProducer(
            configuration: .init(client: .init(bootstrapServers: [kafka.bootstrapServers])), logger: logger)
        func send(_ level: String, at ts: Int64, rule: String = "pack.over_temperature") async throws {
            _ = try await producer.send(
                topic: KafkaTopic.anomalies, key: Array("pack-01".utf8), value: anomaly("pack-01", rule, level, at: ts))
        }
        let start: Int64 = 1_764_082_800_000

        try await send("warning", at: start)
        try await waitUntil("raised") { try await alert(connection)?.state == "active" }
        try await send("warning", at: start + 1_000)
        _ = try await producer.send(topic: KafkaTopic.anomalies, key: Array("pack-01".utf8), value: Array("{not json".utf8))
        try await send("critical", at: start + 2_000)
        try await waitUntil("escalated to critical") { try await alert(connection)?.level == "critical" }
        let id = try #require(try await alert(connection)).id
        #expect(try await alert(connection)?.occurrences == 3)

        let acknowledged = try await connection.query("SELECT voltline_acknowledge_alert(\(id), 'operator-ann', 'on it')")
        #expect(try acknowledged[0].decode(Bool.self, at: 0))
        let again = try await connection.query("SELECT voltline_acknowledge_alert(\(id), 'operator-bob', NULL)")
        #expect(try again[0].decode(Bool.self, at: 0) == false)

        try await send("warning", at: start + 3_000)  // lower: deduplicated, stays acknowledged
        try await send("danger", at: start + 4_000)  // higher: escalated and active again
        try await waitUntil("re-activated") { try await alert(connection)?.state == "active" }
        #expect(try await alert(connection)?.level == "danger")
        try await send("normal", at: start + 5_000)
        try await waitUntil("auto-resolved") { try await alert(connection)?.state == "resolved" }
        let resolveResolved = try await connection.query("SELECT voltline_resolve_alert(\(id), 'operator-ann', NULL)")
        #expect(try resolveResolved[0].decode(Bool.self, at: 0) == false)

        let expected = [
            "raised:active:warning:system", "escalated:active:critical:system",
            "acknowledged:acknowledged:critical:operator-ann", "escalated:active:danger:system",
            "auto_resolved:resolved:danger:system",
        ]
        #expect(try await events(connection) == expected)
        #expect(try await alert(connection)?.occurrences == 5)

        try await waitUntil("published on Kafka and MQTT") { kafkaEvents.all.count >= 5 && mqttEvents.all.count >= 5 }
        try await Task.sleep(for: .milliseconds(500))  // room for duplicates to show up
        let onKafka = kafkaEvents.all
        #expect(onKafka.map { "\($0.event):\($0.state):\($0.level):\($0.actor)" } == expected)
        #expect(Set(onKafka.map(\.eventID)).count == 5)
        #expect(onKafka.allSatisfy { $0.alertID == id && $0.device == "pack-01" && $0.rule == "pack.over_temperature" })
        #expect(onKafka[2].note == "on it")
        #expect(onKafka[0].at == start)
        let onMQTT = try mqttEvents.all.map { try JSONDecoder().decode(AlertEventMessage.self, from: Data($0.payload)) }
        #expect(onMQTT == onKafka)
        #expect(mqttEvents.all.allSatisfy { $0.topic == "voltline/v1/alerts/plant-a/pack-01" && $0.qos == .atLeastOnce })
        let unpublished = try await connection.query("SELECT count(*) FROM alert_events WHERE published_at IS NULL")
        #expect(try unpublished[0].decode(Int64.self, at: 0) == 0)

        // A late subscriber gets the retained state: resolved.
        let late = try MQTTClient(configuration: .init(port: mqttBroker.port, clientID: "observer-late"), logger: logger)
        try await late.connect()
        try await late.subscribe(to: "voltline/v1/alerts/plant-a/+")
        var lateMessages = late.messages.makeAsyncIterator()
        let retained = try #require(try await lateMessages.next())
        #expect(retained.retain)
        #expect(try JSONDecoder().decode(AlertEventMessage.self, from: Data(retained.payload)).state == "resolved")
        await late.disconnect()

        await services.group.triggerGracefulShutdown()
        try await running.value

        // Replay everything with a fresh Kafka group but the same stream_offsets group: nothing changes; a new
        // message after the old ones (same device, so same partition) shows the replaying sink did run.
        let before = try await snapshot(connection)
        let replayConsumer = try KafkaConsumer(
            configuration: .init(
                client: .init(bootstrapServers: [kafka.bootstrapServers]), groupID: "voltline-alerts-replay",
                topics: [KafkaTopic.anomalies]),
            logger: logger)
        let pool = PostgresPool(configuration: try PostgresConfiguration(url: db.url), logger: logger)
        let sink = ExactlyOnceSink(
            consumer: replayConsumer, pool: pool, groupID: "voltline-alerts", logger: logger,
            apply: { messages, transaction in try await services.applier.apply(messages, in: transaction) })
        let replayGroup = ServiceGroup(services: [sink], logger: logger)
        let replaying = Task { try await replayGroup.run() }
        try await send("warning", at: start + 6_000, rule: "pack.marker")
        try await waitUntil("marker applied") { try await alert(connection, rule: "pack.marker") != nil }
        #expect(try await snapshot(connection) == before)
        #expect(try await events(connection) == expected + ["raised:active:warning:system"])
        await replayGroup.triggerGracefulShutdown()
        try await replaying.value
        await pool.close()

        try await producer.shutdown()
        try await reader1.close()
        await subscriber.disconnect()
        kafkaTask.cancel()
        mqttTask.cancel()
    }
}
