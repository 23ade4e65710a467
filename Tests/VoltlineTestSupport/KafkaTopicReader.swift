import Foundation
import Logging
import VoltlineKafka

/// Reads a Kafka topic from the beginning in a group of its own, for assertions.
public final class KafkaTopicReader: Sendable {
    private let consumer: KafkaConsumer

    /// Starts reading `topic` at `bootstrapServers`.
    public init(bootstrapServers: String, topic: String) throws {
        consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                client: KafkaConfiguration(bootstrapServers: [bootstrapServers], clientID: "test-reader"),
                groupID: "test-reader-\(UUID().uuidString)", topics: [topic]),
            logger: Logger(label: "test-reader"))
    }

    /// The next `count` messages' values, failing after `timeout`.
    public func values(count: Int, timeout: Duration = .seconds(30)) async throws -> [[UInt8]] {
        try await withThrowingTaskGroup(of: [[UInt8]]?.self) { group in
            group.addTask {
                var values: [[UInt8]] = []
                for try await message in self.consumer.messages {
                    values.append(message.value)
                    if values.count == count { break }
                }
                return values
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let values = try await group.next() ?? nil else {
                throw WaitTimeout(description: "fewer than \(count) messages arrived within \(timeout)")
            }
            return values
        }
    }

    /// Leaves the group.
    public func close() async {
        try? await consumer.close()
    }
}
