import Testing
import VoltlineKafka

@Suite("Development broker")
struct DevBrokerTests {
    @Test("A producer bootstraps through the fixed-port forwarder", .timeLimit(.minutes(1)))
    func bootstrapThroughForwarder() async throws {
        let logger = try KafkaTestCluster().logger
        let broker = try KafkaDevBroker(brokers: 2, port: 0, topics: KafkaDevBroker.defaultTopics, logger: logger)
        defer { broker.stop() }
        #expect(broker.bootstrapServers != broker.cluster.firstBroker)

        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                client: KafkaConfiguration(bootstrapServers: [broker.bootstrapServers]), messageTimeout: .seconds(10)),
            logger: logger)
        let report = try await producer.send(
            topic: "voltline.commands.v1", key: Array("gw-1".utf8), value: Array("on".utf8))
        #expect(report.topicPartition.topic == "voltline.commands.v1")
        #expect((0..<3).contains(report.topicPartition.partition))
        #expect(report.offset == 0)
        try await producer.shutdown()
    }

    @Test("The mock cluster does not answer CreateTopics", .timeLimit(.minutes(1)))
    func mockRejectsCreateTopics() async throws {
        let kafka = try KafkaTestCluster()
        let admin = try KafkaAdmin(
            configuration: KafkaConfiguration(bootstrapServers: [kafka.cluster.bootstrapServers]), logger: kafka.logger)
        let error = try await #require(throws: KafkaError.self) {
            try await admin.createTopics(
                [KafkaTopicSpec(name: "\(kafka.prefix).admin", partitions: 2)], timeout: .seconds(2))
        }
        // librdkafka waits for a controller that the 2.0.2 mock never names.
        #expect(error.code == .timedOut)
        #expect(error.message.contains("controller"))
    }
}
