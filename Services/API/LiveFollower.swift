import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import VoltlineDomain
import VoltlineKafka
import VoltlineService

/// Tails `voltline.readings.v1` and `voltline.alerts.v1` for the live WebSocket.
///
/// Its consumer group is unique to this instance and starts at the end of each partition, so every API
/// instance sees every new message; it never stores or commits offsets, as it only tails. The readiness
/// condition `kafka` holds while partitions are assigned.
final class LiveFollower: Service, Sendable, CustomStringConvertible {
    /// The readiness condition this follower sets.
    static let readinessCondition = "kafka"

    private let configuration: KafkaConsumerConfiguration
    private let broadcaster: LiveBroadcaster
    private let readingInterval: Duration
    private let readiness: ReadinessProbe
    private let logger: Logger
    private let consumer = Mutex<KafkaConsumer?>(nil)

    var description: String { "LiveFollower(\(configuration.groupID))" }

    /// Creates the follower; the consumer is created when it runs.
    /// - Parameters:
    ///   - client: the Kafka cluster.
    ///   - groupPrefix: the consumer group is `<groupPrefix>-<uuid>`.
    ///   - broadcaster: receives the frames.
    ///   - readingInterval: per-device thinning of readings.
    init(
        client: KafkaConfiguration, groupPrefix: String, broadcaster: LiveBroadcaster, readingInterval: Duration,
        readiness: ReadinessProbe, logger: Logger
    ) {
        configuration = KafkaConsumerConfiguration(
            client: client, groupID: "\(groupPrefix)-\(UUID().uuidString.lowercased())",
            topics: [KafkaTopic.readings, KafkaTopic.alerts], autoCommitInterval: nil, startPosition: .end)
        self.broadcaster = broadcaster
        self.readingInterval = readingInterval
        self.readiness = readiness
        self.logger = logger
    }

    /// What `/api/v1/status` reports about the follower.
    func status() async -> LiveFollowerStatus {
        guard let consumer = consumer.withLock({ $0 }) else {
            return LiveFollowerStatus(groupID: configuration.groupID, connected: false, partitions: 0, lag: 0)
        }
        let lag = await consumer.lag()
        return LiveFollowerStatus(
            groupID: configuration.groupID, connected: !consumer.assignment.isEmpty, partitions: lag.count,
            lag: lag.reduce(0) { $0 + $1.lag })
    }

    /// Follows the topics until shutdown, then leaves the group.
    func run() async throws {
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        self.consumer.withLock { $0 = consumer }
        logger.info("following live topics", metadata: ["kafka.group": "\(configuration.groupID)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.watchAssignment(consumer) }
            group.addTask { await self.follow(consumer) }
            await group.next()
            group.cancelAll()
        }
        readiness.set(Self.readinessCondition, false)
        try await consumer.close()
    }

    private func follow(_ consumer: KafkaConsumer) async {
        do {
            try await cancelWhenGracefulShutdown {
                var mapper = LiveFrameMapper(readingInterval: self.readingInterval)
                for try await message in consumer.messages {
                    if let frame = mapper.frame(for: message) { self.broadcaster.publish(frame) }
                }
            }
        } catch is CancellationError {
            // shutdown
        } catch {
            logger.error("live follower stopped", metadata: ["error": "\(error)"])
        }
    }

    /// Keeps the readiness condition in step with the assignment until cancelled.
    private func watchAssignment(_ consumer: KafkaConsumer) async {
        while !Task.isCancelled {
            readiness.set(Self.readinessCondition, !consumer.assignment.isEmpty)
            try? await Task.sleep(for: .milliseconds(200))
        }
    }
}
