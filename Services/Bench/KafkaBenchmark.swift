import Foundation
import Logging
import VoltlineKafka

/// Kafka produce and produce→consume: ``KafkaProducer`` and ``KafkaConsumer`` against `kcat -P` and `kcat -C`,
/// each on its own fresh 12-partition topic, with keys cycling over 100 device ids.
///
/// Both consumers are started before producing and read from the beginning, so "produce→consume" is the
/// time from the first message produced to the last one received. Both producers are idempotent
/// (`enable.idempotence=true`, as ``KafkaProducer`` always is).
struct KafkaBenchmark {
    /// `nil` hosts a librdkafka mock cluster in this process.
    let brokers: String?
    let messages: Int
    let payloadBytes: Int
    let runID: String
    let directory: URL
    let logger: Logger

    private let partitions = 12
    private let stallLimit = Duration.seconds(10)

    func run() async throws -> [BenchRow] {
        PeakMemory.reset()
        // The mock cluster lives until the end of this function; releasing it deletes its topics.
        let mock = brokers == nil ? try KafkaMockCluster(logger: logger) : nil
        let bootstrap = brokers ?? mock!.bootstrapServers
        let oursTopic = "voltline.bench.\(runID).ours"
        let toolTopic = "voltline.bench.\(runID).tool"
        try await createTopics([oursTopic, toolTopic], mock: mock, bootstrap: bootstrap)
        warnIfTrimmed()

        let (oursProduce, oursEndToEnd) = try await runOurs(bootstrap: bootstrap, topic: oursTopic)
        let peak = PeakMemory.peakBytes()
        let (toolProduce, toolEndToEnd) = try await runTool(bootstrap: bootstrap, topic: toolTopic)
        withExtendedLifetime(mock) {}
        return [
            BenchRow(
                scenario: "kafka produce (acked)", unit: "msg", ours: oursProduce, tool: toolProduce,
                peakRSSBytes: peak),
            BenchRow(
                scenario: "kafka produce→consume", unit: "msg", ours: oursEndToEnd, tool: toolEndToEnd,
                peakRSSBytes: peak),
        ]
    }

    /// Enqueues N messages without awaiting each acknowledgement, then flushes; the consumer, already
    /// assigned its partitions, counts them as they arrive.
    /// - Returns: the produce run (first enqueue until the flush saw every acknowledgement) and the
    ///   produce→consume run (first enqueue until the last message was received).
    private func runOurs(bootstrap: String, topic: String) async throws -> (Measurement, Measurement) {
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: client(bootstrap, id: "consumer"), groupID: "voltline-bench-\(runID)", topics: [topic],
                autoCommitInterval: nil, startPosition: .beginning),
            logger: logger)
        try await waitForAssignment(of: consumer)
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(client: client(bootstrap, id: "producer")), logger: logger)
        let payload = BenchData.payload(size: payloadBytes)
        let keys = BenchData.deviceKeys
        let watchdog = ProgressWatchdog()
        let expected = messages

        let start = ContinuousClock.now
        let (received, receivedAt, flushedAt) = try await withThrowingTaskGroup(
            of: (Int, ContinuousClock.Instant)?.self
        ) { group in
            group.addTask {
                var iterator = consumer.messages.makeAsyncIterator()
                return try await watchdog.count(upTo: expected) { try await iterator.nextBatch(limit: 512)?.count }
            }
            group.addTask {
                await watchdog.watch(stallLimit: stallLimit) { try? await consumer.close() }
                return nil
            }
            for index in 0..<expected {
                try await producer.enqueue(topic: topic, key: keys[index % keys.count], value: payload)
            }
            try await producer.flush(timeout: .seconds(120))
            let flushedAt = ContinuousClock.now
            let (received, receivedAt) = try await group.next()!!
            group.cancelAll()
            return (received, receivedAt, flushedAt)
        }
        let acknowledged = producer.statistics.sent
        try await producer.shutdown()
        try await consumer.close()
        let produce = Measurement(
            name: "KafkaProducer", expected: expected, delivered: acknowledged, bytes: acknowledged * payloadBytes,
            elapsed: flushedAt - start)
        let endToEnd = Measurement(
            name: "KafkaProducer → KafkaConsumer", expected: expected, delivered: received,
            bytes: received * payloadBytes, elapsed: receivedAt - start)
        return (produce, endToEnd)
    }

    /// `kcat -C` is started first and reads from the beginning until it has N messages; `kcat -P -K:` then sends
    /// one keyed message per line of a file (written beforehand, untimed).
    /// - Returns: the produce run (until `kcat -P` exits, after its final flush) and the produce→consume run
    ///   (until `kcat -C` exits).
    private func runTool(bootstrap: String, topic: String) async throws -> (Measurement, Measurement) {
        let input = directory.appendingPathComponent("kafka-lines.txt")
        let output = directory.appendingPathComponent("kafka-consumed.txt")
        let payload = BenchData.payload(size: payloadBytes)
        let keys = BenchData.deviceKeys
        try BenchData.writeLines(count: messages, to: input) { index, buffer in
            buffer.append(contentsOf: keys[index % keys.count])
            buffer.append(UInt8(ascii: ":"))
            buffer.append(contentsOf: payload)
        }
        let consumer = try ToolProcess(
            "kcat", ["-C", "-b", bootstrap, "-t", topic, "-o", "beginning", "-c", String(messages), "-q"],
            standardOutput: output)
        let producer = try ToolProcess(
            "kcat", ["-P", "-b", bootstrap, "-t", topic, "-K:", "-X", "enable.idempotence=true"], standardInput: input)
        try consumer.start()
        // Like our consumer, which is assigned its partitions before the clock starts.
        try await Task.sleep(for: .milliseconds(500))
        let start = ContinuousClock.now
        try producer.start()
        let produced = await producer.waitForExit(limit: .seconds(600))
        guard produced.status == 0 else { throw ToolFailure(tool: "kcat -P", status: produced.status) }
        let consumed = await consumer.waitForExit(limit: stallLimit) { ToolProcess.fileSize(output) }
        guard consumed.timedOut || consumed.status == 0 else {
            throw ToolFailure(tool: "kcat -C", status: consumed.status)
        }
        let received = consumed.timedOut ? BenchData.countLines(in: output) : messages
        let produce = Measurement(
            name: "kcat -P", expected: messages, delivered: messages, bytes: messages * payloadBytes,
            elapsed: produced.instant - start)
        let endToEnd = Measurement(
            name: "kcat -P → kcat -C", expected: messages, delivered: received, bytes: received * payloadBytes,
            elapsed: consumed.instant - start)
        return (produce, endToEnd)
    }

    /// Waits (untimed) until the consumer group gave our consumer its partitions.
    private func waitForAssignment(of consumer: KafkaConsumer) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while consumer.assignment.isEmpty {
            guard ContinuousClock.now < deadline else { throw BenchFailure("Kafka consumer got no partitions in 30 s") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private func createTopics(_ names: [String], mock: KafkaMockCluster?, bootstrap: String) async throws {
        if let mock {
            for name in names { try mock.createTopic(name: name, partitions: partitions) }
        } else {
            let admin = try KafkaAdmin(configuration: client(bootstrap, id: "admin"), logger: logger)
            try await admin.createTopics(
                names.map { KafkaTopicSpec(name: $0, partitions: partitions) }, timeout: .seconds(10))
        }
    }

    /// The mock keeps only about 5 MB per partition; more and the oldest messages are trimmed before they are read.
    private func warnIfTrimmed() {
        let bytesPerPartition = messages * (payloadBytes + 10 + 20) / partitions
        if bytesPerPartition > 4_000_000 {
            logger.warning(
                "about \(bytesPerPartition / 1_000_000) MB per partition: a mock cluster may trim messages",
                metadata: ["bench.partitions": "\(partitions)"])
        }
    }

    private func client(_ bootstrap: String, id: String) -> KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: [bootstrap], clientID: "voltline-bench-\(id)-\(runID)")
    }
}
