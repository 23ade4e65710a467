import Synchronization
import Testing
import VoltlineKafka

@Suite("Produce and consume over a mock cluster")
struct ProduceConsumeTests {
    @Test("100,000 keyed messages arrive once each, in order per key", .timeLimit(.minutes(2)))
    func keyedOrder() async throws {
        let kafka = try KafkaTestCluster()
        let topic = try kafka.topic("keyed", partitions: 8)
        let producer = try kafka.producer()
        let keys = 100
        let perKey = 1000
        for sequence in 0..<perKey {
            for key in 0..<keys {
                try await producer.enqueue(
                    topic: topic, key: Array("key-\(key)".utf8), value: Array("\(sequence)".utf8))
            }
        }
        try await producer.shutdown()
        let statistics = producer.statistics
        #expect(statistics.sent == keys * perKey && statistics.failed == 0 && statistics.inFlight == 0)

        let consumer = try kafka.consumer(group: "keyed", topics: [topic])
        let messages = try await consume(keys * perKey, from: consumer)
        try await consumer.close()

        var sequences: [String: [Int]] = [:]
        for message in messages {
            sequences[try #require(message.key).text, default: []].append(try #require(Int(message.value.text)))
        }
        #expect(sequences.count == keys)
        for (key, received) in sequences {
            #expect(received == Array(0..<perKey), "key \(key)")
        }
    }

    @Test("Two members of a group split the partitions without duplicates", .timeLimit(.minutes(1)))
    func groupSplit() async throws {
        let kafka = try KafkaTestCluster()
        let topic = try kafka.topic("split", partitions: 6)
        let first = try kafka.consumer(group: "split", topics: [topic])
        let second = try kafka.consumer(group: "split", topics: [topic])
        try await eventually {
            !first.assignment.isEmpty && !second.assignment.isEmpty
                && first.assignment.union(second.assignment).count == 6
        }
        #expect(first.assignment.isDisjoint(with: second.assignment))

        let producer = try kafka.producer()
        let total = 3000
        for index in 0..<total {
            try await producer.enqueue(topic: topic, key: Array("k\(index % 37)".utf8), value: Array("\(index)".utf8))
        }
        try await producer.shutdown()

        let seen = Recorder()
        async let firstCount = drain(first, into: seen)
        async let secondCount = drain(second, into: seen)
        try await eventually { seen.values.count >= total }
        try await Task.sleep(for: .milliseconds(500))  // would let duplicates show up
        try await first.close()
        try await second.close()
        let counts = (try await firstCount, try await secondCount)

        #expect(counts.0 > 0 && counts.1 > 0)
        let values = seen.values
        #expect(values.count == total)
        #expect(Set(values) == Set((0..<total).map(String.init)))
    }

    @Test("A new member resumes exactly after the last committed offset", .timeLimit(.minutes(1)))
    func resumeAfterCommit() async throws {
        let kafka = try KafkaTestCluster()
        let topic = try kafka.topic("resume", partitions: 3)
        let producer = try kafka.producer()
        let total = 900
        for index in 0..<total {
            try await producer.enqueue(topic: topic, key: Array("k\(index % 11)".utf8), value: Array("\(index)".utf8))
        }
        try await producer.shutdown()

        let first = try kafka.consumer(group: "resume", topics: [topic], bufferCapacity: 64)
        let processed = try await consume(400, from: first)
        try await first.commit()
        try await first.close()

        let second = try kafka.consumer(group: "resume", topics: [topic])
        let rest = try await consume(total - processed.count, from: second)
        try await Task.sleep(for: .milliseconds(500))
        #expect(second.statistics.received == total - processed.count, "nothing beyond the remainder")
        try await second.close()

        for partition in 0..<3 {
            let before = processed.filter { $0.partition == partition }.map(\.offset)
            let after = rest.filter { $0.partition == partition }.map(\.offset)
            #expect(before + after == Array(0..<Int64(before.count + after.count)), "partition \(partition)")
        }
        #expect(Set((processed + rest).map(\.value.text)).count == total)
    }

    /// Records every message value until the consumer is closed; returns how many it got.
    private func drain(_ consumer: KafkaConsumer, into seen: Recorder) async throws -> Int {
        var count = 0
        for try await message in consumer.messages {
            seen.record(message.value.text)
            try consumer.storeOffset(message)
            count += 1
        }
        return count
    }
}

/// Message values seen by several consumers at once.
private final class Recorder: Sendable {
    private let state = Mutex<[String]>([])
    var values: [String] { state.withLock { $0 } }
    func record(_ value: String) { state.withLock { $0.append(value) } }
}
