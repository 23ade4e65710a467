import Synchronization

/// A consumer's current partitions and, per partition, a generation that grows on every revoke.
///
/// Fetched messages wait in a buffer; after a rebalance the ones from revoked partitions are stale
/// (their offsets can no longer be stored, and the new owner receives them again), so the message
/// sequence drops them by comparing generations.
final class AssignmentTracker: Sendable {
    private struct State {
        var assigned: Set<KafkaTopicPartition> = []
        var generations: [KafkaTopicPartition: Int] = [:]
    }

    private let state = Mutex(State())

    /// The partitions currently assigned.
    var assignment: Set<KafkaTopicPartition> { state.withLock { $0.assigned } }

    func assign(_ partitions: [KafkaTopicPartition]) {
        state.withLock { $0.assigned.formUnion(partitions) }
    }

    func revoke(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            for partition in partitions {
                state.assigned.remove(partition)
                state.generations[partition, default: 0] += 1
            }
        }
    }

    func generation(of partition: KafkaTopicPartition) -> Int {
        state.withLock { $0.generations[partition, default: 0] }
    }

    /// Whether `message` was fetched under the partition's current assignment.
    func isCurrent(_ message: KafkaMessage) -> Bool {
        state.withLock { state in
            state.assigned.contains(message.topicPartition)
                && state.generations[message.topicPartition, default: 0] == message.generation
        }
    }
}
