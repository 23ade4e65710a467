import Logging
import ServiceLifecycle
import Testing
import VoltlineKafka
import VoltlinePostgres
import VoltlineStreams
import VoltlineTestSupport

@Suite("Exactly-once sink", .timeLimit(.minutes(2)))
struct ExactlyOnceSinkTests {
    /// Produces `count` messages to a one-partition topic, runs a sink whose stored offset starts at
    /// `storedOffset`, and returns the offsets it applied.
    private func appliedOffsets(count: Int, storedOffset: Int64) async throws -> [Int64] {
        try await TestDatabase.with { database in
            let logger = Logger(label: "sink-tests")
            let broker = try KafkaDevBroker(
                brokers: 1, port: 0, topics: [KafkaTopicSpec(name: "sink.test", partitions: 1)], logger: logger)
            defer { broker.stop() }
            let client = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers])
            let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(client: client), logger: logger)
            for index in 0..<count { _ = try await producer.send(topic: "sink.test", value: Array("m\(index)".utf8)) }
            try await producer.shutdown()

            let connection = try await database.connect()
            try await connection.execute("CREATE TABLE applied (message_offset bigint PRIMARY KEY)")
            try await connection.execute(
                "INSERT INTO stream_offsets (consumer_group, topic, partition, next_offset) VALUES ('g', 'sink.test', 0, \(storedOffset))")
            let pool = PostgresPool(configuration: try PostgresConfiguration(url: database.url), logger: logger)
            let consumer = try KafkaConsumer(
                configuration: KafkaConsumerConfiguration(client: client, groupID: "g", topics: ["sink.test"]),
                logger: logger)
            let sink = ExactlyOnceSink(consumer: consumer, pool: pool, groupID: "g", logger: logger) { messages, transaction in
                for message in messages {
                    try await transaction.execute("INSERT INTO applied VALUES (\(message.offset))")
                }
            }
            let group = ServiceGroup(services: [sink], logger: logger)
            let running = Task { try await group.run() }
            try await waitUntil("the sink caught up") {
                let rows = try await connection.query("SELECT next_offset FROM stream_offsets WHERE consumer_group = 'g'")
                return try rows.first?.decode(Int64.self, at: 0) == Int64(count)
            }
            let offsets = try await connection.query("SELECT message_offset FROM applied ORDER BY 1")
                .map { try $0.decode(Int64.self, at: 0) }
            await group.triggerGracefulShutdown()
            _ = await running.result
            await connection.close()
            await pool.close()
            return offsets
        }
    }

    @Test("messages below the stored offset are redeliveries and are skipped")
    func redeliveriesAreSkipped() async throws {
        #expect(try await appliedOffsets(count: 5, storedOffset: 3) == [3, 4])
    }

    @Test("a log that restarted below the stored offset is applied as new, not skipped")
    func restartedLogIsApplied() async throws {
        #expect(try await appliedOffsets(count: 5, storedOffset: 1_000) == [0, 1, 2, 3, 4])
    }
}
