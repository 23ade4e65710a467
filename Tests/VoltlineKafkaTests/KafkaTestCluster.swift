import Foundation
import Logging
import Synchronization
import Testing
import VoltlineKafka

/// One test's own mock cluster plus helpers to build clients against it, so tests never share data.
struct KafkaTestCluster {
    let cluster: KafkaMockCluster
    let logger: Logger
    let prefix = "t\(UInt32.random(in: 0...UInt32.max))"

    init() throws {
        var logger = Logger(label: "voltline.kafka.tests")
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG"] == nil ? .critical : .debug
        self.logger = logger
        cluster = try KafkaMockCluster(brokers: 1, logger: logger)
    }

    /// Creates a topic with a name unique to this test.
    func topic(_ name: String, partitions: Int) throws -> String {
        let topic = "\(prefix).\(name)"
        try cluster.createTopic(name: topic, partitions: partitions)
        return topic
    }

    func producer(properties: [String: String] = [:], messageTimeout: Duration = .seconds(30)) throws -> KafkaProducer {
        try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                client: KafkaConfiguration(bootstrapServers: [cluster.bootstrapServers], properties: properties),
                messageTimeout: messageTimeout),
            logger: logger)
    }

    func consumer(group: String, topics: [String], bufferCapacity: Int = 1024) throws -> KafkaConsumer {
        try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: KafkaConfiguration(
                    bootstrapServers: [cluster.bootstrapServers],
                    properties: ["session.timeout.ms": "6000", "heartbeat.interval.ms": "500"]),
                groupID: "\(prefix).\(group)", topics: topics, bufferCapacity: bufferCapacity),
            logger: logger)
    }
}

/// Reads `count` messages, storing each offset after "processing" it.
func consume(_ count: Int, from consumer: KafkaConsumer) async throws -> [KafkaMessage] {
    var received: [KafkaMessage] = []
    received.reserveCapacity(count)
    for try await message in consumer.messages {
        received.append(message)
        try consumer.storeOffset(message)
        if received.count == count { break }
    }
    return received
}

/// Waits until `condition` holds, checking every 50 ms, for at most `timeout`.
func eventually(timeout: Duration = .seconds(30), _ condition: () -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TimeoutError() }
        try await Task.sleep(for: .milliseconds(50))
    }
}

struct TimeoutError: Error {}

extension [UInt8] {
    var text: String { String(decoding: self, as: UTF8.self) }
}
