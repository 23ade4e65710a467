import Synchronization

/// A consumer's counters, shared between its poll thread and ``KafkaConsumer/statistics``.
final class ConsumerCounters: Sendable {
    private let received = Atomic<Int>(0)
    private let offsetOutOfRange = Atomic<Int>(0)

    func messageReceived() { received.add(1, ordering: .relaxed) }
    func offsetOutOfRangeReported() { offsetOutOfRange.add(1, ordering: .relaxed) }

    var statistics: KafkaConsumerStatistics {
        KafkaConsumerStatistics(
            received: received.load(ordering: .relaxed), offsetOutOfRange: offsetOutOfRange.load(ordering: .relaxed))
    }
}
