import Configuration
import Foundation
import Logging
import Prometheus
import ServiceLifecycle
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineTestSupport

@testable import Features

/// One test's private Kafka and database, with helpers to run the features service against them.
struct FeaturesHarness {
    let broker: KafkaDevBroker
    let database: TestDatabase
    let logger: Logger

    init(database: TestDatabase) throws {
        var logger = Logger(label: "features-tests")
        logger.logLevel = .warning
        self.logger = logger
        self.database = database
        broker = try KafkaDevBroker(brokers: 1, port: 0, topics: KafkaDevBroker.defaultTopics, logger: logger)
    }

    /// Starts the service; cancel the returned task to stop it.
    func start(batchLimit: Int = 1000) async throws -> Task<Void, any Error> {
        let reader = ConfigReader(
            provider: InMemoryProvider(values: [
                "kafka.brokers": .init(.string(broker.bootstrapServers), isSecret: false),
                "database.url": .init(.string(database.url), isSecret: false),
                "http.port": 0, "features.batch-limit": .init(.int(batchLimit), isSecret: false),
            ]))
        let group = try await buildFeatures(reader: reader, registry: PrometheusCollectorRegistry(), logger: logger)
        return Task { try await group.run() }
    }

    /// Produces `readings` to the readings topic, keyed by device.
    func produce(_ readings: [Reading]) async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: KafkaConfiguration(bootstrapServers: [broker.bootstrapServers])),
            logger: logger)
        for reading in readings {
            _ = try await producer.send(
                topic: KafkaTopic.readings, key: Array(reading.deviceID.utf8), value: ReadingCodec.encode(reading))
        }
        try await producer.shutdown()
    }

    /// Reads `topic` from the start until `done` holds for what was read.
    func read(_ topic: String, until done: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: KafkaConfiguration(bootstrapServers: [broker.bootstrapServers]),
                groupID: "reader-\(UUID().uuidString)", topics: [topic]),
            logger: logger)
        var received: [[String: Any]] = []
        var messages = consumer.messages.makeAsyncIterator()
        while !done(received), let message = try await messages.next() {
            received.append(try JSONSerialization.jsonObject(with: Data(message.value)) as! [String: Any])
        }
        try await consumer.close()
        return received
    }

    /// One query's single text result.
    func text(_ query: PostgresQuery) async throws -> String {
        let connection = try await database.connect()
        defer { Task { await connection.close() } }
        return try await connection.query(query).first?.decode(String?.self, at: 0) ?? ""
    }

    /// Every row of the three feature tables as text, in key order.
    func tables() async throws -> String {
        try await text(
            """
            SELECT concat_ws(E'\\n',
              (SELECT string_agg(t::text, E'\\n' ORDER BY device_id, window_start) FROM features_1m t),
              (SELECT string_agg(t::text, E'\\n' ORDER BY device_id, interval_start) FROM energy_15m t),
              (SELECT string_agg(t::text, E'\\n' ORDER BY device_id, started_at) FROM battery_segments t))
            """)
    }

    /// The row counts of `features_1m`, `energy_15m` and `battery_segments`.
    func counts() async throws -> [Int] {
        [try await count("features_1m"), try await count("energy_15m"), try await count("battery_segments")]
    }

    /// The number of rows of `table`.
    func count(_ table: String) async throws -> Int {
        Int(try await text("SELECT count(*)::text FROM \(PostgresIdentifier(table))")) ?? 0
    }
}

/// Readings every 5 s for 17 minutes from a whole quarter hour: a machine at a constant 12 kW and a pack
/// that discharges at 50 A for 6 minutes, rests 5 minutes, then charges at 40 A.
enum SampleStream {
    static let start: Int64 = 1_764_082_800_000
    static let step: Int64 = 5_000
    static let count = 17 * 12

    static var readings: [Reading] {
        (0..<count).flatMap { index -> [Reading] in
            let time = start + Int64(index) * step
            let minute = index / 12
            let current = minute < 6 ? -50.0 : minute < 11 ? 0 : 40
            return [
                Reading(deviceID: "press-01", timeMillis: time, metrics: .machine(MachineMetrics(activePowerKW: 12))),
                Reading(
                    deviceID: "pack-01", timeMillis: time,
                    metrics: .batteryPack(
                        PackMetrics(voltageV: 800, currentA: current, temperatureC: 30, stateOfChargePercent: 60))),
            ]
        }
    }
}
