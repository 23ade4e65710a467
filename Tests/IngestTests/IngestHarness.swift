import Configuration
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineKafka
import VoltlineMQTT
import VoltlineTestSupport

@testable import Ingest

/// One isolated ingest under test: its own database, Kafka, mosquitto and HTTP port.
struct IngestHarness {
    let database: TestDatabase
    let kafka: KafkaDevBroker
    let mqtt: TestBroker
    let httpPort: Int

    /// Runs `body` with the harness; `settings` adds or overrides configuration keys.
    static func with(
        settings: [String: ConfigValue] = [:], _ body: (IngestHarness) async throws -> Void
    ) async throws {
        try await TestDatabase.with { database in
            try await TestBroker.with { mqtt in
                let kafka = try KafkaDevBroker(
                    brokers: 1, port: 0, topics: KafkaDevBroker.defaultTopics, logger: Logger(label: "test-kafka"))
                defer { kafka.stop() }
                let harness = IngestHarness(database: database, kafka: kafka, mqtt: mqtt, httpPort: try TestBroker.freePort())
                try await body(harness)
            }
        }
    }

    /// The settings that point a service at this harness's servers.
    func values(_ extra: [String: ConfigValue] = [:]) -> [AbsoluteConfigKey: ConfigValue] {
        var values: [String: ConfigValue] = [
            "kafka.brokers": .init(.string(kafka.bootstrapServers), isSecret: false),
            "database.url": .init(.string(database.url), isSecret: true),
            "mqtt.port": .init(.int(mqtt.port), isSecret: false),
            "http.port": .init(.int(httpPort), isSecret: false),
            "ingest.instance-id": .init(.string("ingest-\(UUID().uuidString.prefix(8))"), isSecret: false),
        ]
        values.merge(extra) { $1 }
        return Dictionary(uniqueKeysWithValues: values.map { (AbsoluteConfigKey($0.key.split(separator: ".").map(String.init)), $0.value) })
    }

    /// Environment variables with the same settings, for the `voltline-ingest` process.
    func environment(instanceID: String, storeBatch: Int) -> [String: String] {
        [
            "VOLTLINE_KAFKA_BROKERS": kafka.bootstrapServers, "VOLTLINE_DATABASE_URL": database.url,
            "VOLTLINE_MQTT_PORT": "\(mqtt.port)", "VOLTLINE_HTTP_PORT": "\(httpPort)",
            "VOLTLINE_INGEST_INSTANCE_ID": instanceID, "VOLTLINE_INGEST_STORE_BATCH": "\(storeBatch)",
        ]
    }

    /// Runs ingest in process while `body` runs, then shuts it down gracefully.
    func runIngest(_ extra: [String: ConfigValue] = [:], _ body: (IngestService) async throws -> Void) async throws {
        let reader = ConfigReader(provider: InMemoryProvider(values: values(extra)))
        let service = try IngestService.build(
            reader: reader, registry: PrometheusCollectorRegistry(), logger: Logger(label: "ingest-under-test"))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await service.group.run() }
            try await waitUntil("ingest ready", timeout: .seconds(30)) { service.readiness.isReady }
            do {
                try await body(service)
            } catch {
                await service.group.triggerGracefulShutdown()
                throw error
            }
            await service.group.triggerGracefulShutdown()
            try await group.waitForAll()
        }
    }

    /// A connected MQTT client acting as a gateway.
    func gateway(_ id: String = "gw-\(UUID().uuidString.prefix(6))") async throws -> MQTTClient {
        let client = try MQTTClient(
            configuration: MQTTConfiguration(
                port: mqtt.port, clientID: id, maximumPayloadSize: 1 << 20), logger: Logger(label: id))
        try await client.connect()
        return client
    }

    /// How many readings PostgreSQL holds, and how many distinct (device, ts).
    func storedCounts() async throws -> (rows: Int, distinct: Int) {
        let connection = try await database.connect()
        defer { Task { await connection.close() } }
        let rows = try await connection.query(
            "SELECT count(*)::bigint, count(DISTINCT (device_id, ts))::bigint FROM readings")
        return (Int(try rows[0].decode(Int64.self, at: 0)), Int(try rows[0].decode(Int64.self, at: 1)))
    }
}
