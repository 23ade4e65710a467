import Configuration
import Foundation
import Logging
import Prometheus
import Testing
import VoltlineDomain
import VoltlineKafka
import VoltlinePostgres
import VoltlineTestSupport

@testable import Anomaly

@Suite("Anomaly service", .timeLimit(.minutes(2)))
struct AnomalyTests {
    static let start: Int64 = 1_764_082_800_000

    static func pack(_ id: String, _ index: Int, _ temperature: Double) -> Reading {
        Reading(
            deviceID: id, timeMillis: start + Int64(index) * 1_000,
            metrics: .batteryPack(PackMetrics(voltageV: 800, currentA: -20, temperatureC: temperature, stateOfChargePercent: 60)))
    }

    @Test("a heating pack raises warning, critical, danger, then clears; normal packs and replays add nothing")
    func temperatureLadder() async throws {
        try await TestDatabase.with { database in
            var logger = Logger(label: "anomaly-tests")
            logger.logLevel = .warning
            let broker = try KafkaDevBroker(brokers: 1, port: 0, topics: KafkaDevBroker.defaultTopics, logger: logger)
            // Twelve normal readings after the heat: a condition clears after ten in a row (the off-delay).
            let temperatures: [Double] = Array(repeating: 30, count: 10) + [46, 56, 61] + Array(repeating: 30, count: 12)
            let heating = temperatures.enumerated().map { Self.pack("pack-hot", $0.offset, $0.element) }
            let normal = (0..<20).map { Self.pack("pack-ok", $0, 31) }
            let producer = try KafkaProducer(
                configuration: KafkaProducerConfiguration(client: KafkaConfiguration(bootstrapServers: [broker.bootstrapServers])),
                logger: logger)
            func produce(_ readings: [Reading]) async throws {
                for reading in readings {
                    _ = try await producer.send(
                        topic: KafkaTopic.readings, key: Array(reading.deviceID.utf8), value: ReadingCodec.encode(reading))
                }
            }
            try await produce(normal + heating + heating + [Self.pack("pack-hot", 100, 70)])

            let reader = ConfigReader(
                provider: InMemoryProvider(values: [
                    "kafka.brokers": .init(.string(broker.bootstrapServers), isSecret: false),
                    "database.url": .init(.string(database.url), isSecret: false), "http.port": 0,
                ]))
            let group = try await buildAnomaly(reader: reader, registry: PrometheusCollectorRegistry(), logger: logger)
            let service = Task { try await group.run() }
            let connection = try await database.connect()
            func levels(_ device: String) async throws -> [String] {
                try await connection.query(
                    "SELECT level FROM anomalies WHERE device_id = \(device) AND rule = 'pack.over_temperature' ORDER BY ts")
                    .map { try $0.decode(String.self, at: 0) }
            }
            try await waitUntil("the marker reading") { try await levels("pack-hot").count == 5 }
            #expect(try await levels("pack-hot") == ["warning", "critical", "danger", "normal", "danger"])
            let others = try await connection.query("SELECT count(*)::bigint FROM anomalies WHERE device_id = 'pack-ok'")
            #expect(try others.first?.decode(Int64.self, at: 0) == 0)

            let consumer = try KafkaConsumer(
                configuration: KafkaConsumerConfiguration(
                    client: KafkaConfiguration(bootstrapServers: [broker.bootstrapServers]), groupID: "reader",
                    topics: [KafkaTopic.anomalies]),
                logger: logger)
            var messages: [[String: Any]] = []
            for try await message in consumer.messages {
                messages.append(try JSONSerialization.jsonObject(with: Data(message.value)) as! [String: Any])
                if messages.count == 5 { break }
            }
            #expect(messages.map { $0["level"] as? String } == ["warning", "critical", "danger", "normal", "danger"])
            #expect(messages.allSatisfy { $0["v"] as? Int == 1 && $0["rule"] as? String == "pack.over_temperature" })
            #expect(messages[0]["threshold"] as? Double == 45)
            try await consumer.close()
            await connection.close()
            try await producer.shutdown()
            service.cancel()
            _ = await service.result
        }
    }
}
