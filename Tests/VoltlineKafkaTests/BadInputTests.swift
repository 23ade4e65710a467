import Testing
import VoltlineKafka

@Suite("Bad input fails fast with a clear error")
struct BadInputTests {
    @Test("Unreachable bootstrap: send fails after the message timeout, no hang", .timeLimit(.minutes(1)))
    func unreachableBootstrap() async throws {
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                client: KafkaConfiguration(bootstrapServers: ["127.0.0.1:1"]), messageTimeout: .milliseconds(1500)),
            logger: try KafkaTestCluster().logger)
        let start = ContinuousClock.now
        let error = try await #require(throws: KafkaError.self) {
            try await producer.send(topic: "nowhere", value: Array("x".utf8))
        }
        #expect(error.code == .messageTimedOut)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(producer.statistics.failed == 1)
        try? await producer.shutdown()
    }

    @Test("Invalid librdkafka property", arguments: [["no.such.property": "1"], ["acks": "banana"]])
    func invalidProperty(properties: [String: String]) throws {
        let kafka = try KafkaTestCluster()
        let error = try #require(throws: KafkaError.self) { try kafka.producer(properties: properties) }
        #expect(error.code == .invalidConfiguration)
        #expect(error.function == "rd_kafka_conf_set")
        #expect(error.message.contains(properties.keys.first!))
    }

    @Test("Oversized message is refused at once", .timeLimit(.minutes(1)))
    func oversizedMessage() async throws {
        let kafka = try KafkaTestCluster()
        let topic = try kafka.topic("big", partitions: 1)
        let producer = try kafka.producer()
        let error = try await #require(throws: KafkaError.self) {
            try await producer.send(topic: topic, value: [UInt8](repeating: 7, count: 2_000_000))
        }
        #expect(error.code == .messageTooLarge)
        try await producer.shutdown()
    }

    @Test("A committed offset trimmed away surfaces as data loss, not a silent reset", .timeLimit(.minutes(1)))
    func trimmedCommittedOffset() async throws {
        let kafka = try KafkaTestCluster()
        let topic = try kafka.topic("trimmed", partitions: 1)
        let producer = try kafka.producer()
        _ = try await producer.send(topic: topic, value: Array("first".utf8))
        let first = try kafka.consumer(group: "trimmed", topics: [topic])
        _ = try await consume(1, from: first)
        try await first.commit()
        try await first.close()

        // The mock keeps about 5 MB per partition: 8 MB more pushes the committed offset out of the log.
        let chunk = [UInt8](repeating: 1, count: 100_000)
        for _ in 0..<80 { try await producer.enqueue(topic: topic, value: chunk) }
        try await producer.shutdown()

        let second = try kafka.consumer(group: "trimmed", topics: [topic])
        let error = try await #require(throws: KafkaError.self) { _ = try await consume(1, from: second) }
        #expect(error.code == .offsetOutOfRange)
        #expect(second.statistics.offsetOutOfRange >= 1)
        #expect(second.statistics.received == 0)
        try await second.close()
    }
}
