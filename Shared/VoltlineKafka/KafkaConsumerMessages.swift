import VoltlineSupport

/// The messages of a ``KafkaConsumer``, for a single iterating task.
///
/// Backed by a bounded ``BackpressureBuffer``: when the application falls behind, the consumer's poll
/// thread stops fetching. Messages of partitions revoked by a rebalance since they were fetched are
/// skipped (the partition's new owner gets them). The sequence throws ``KafkaError`` with code
/// ``KafkaError/Code/offsetOutOfRange`` when a partition's position fell outside the log (data loss),
/// and ends after ``KafkaConsumer/close()``.
public struct KafkaConsumerMessages: AsyncSequence, Sendable {
    public typealias Element = KafkaMessage

    let buffer: BackpressureBuffer<KafkaMessage>
    let tracker: AssignmentTracker

    /// Iterates the messages; only one iterator may be used at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let buffer: BackpressureBuffer<KafkaMessage>
        var base: BackpressureBuffer<KafkaMessage>.AsyncIterator
        let tracker: AssignmentTracker

        /// The next message of a partition this consumer still owns, or `nil` after close.
        public mutating func next() async throws -> KafkaMessage? {
            while let message = try await base.next() {
                if tracker.isCurrent(message) { return message }
            }
            return nil
        }

        /// Up to `limit` messages of partitions this consumer still owns: waits for the first, then takes
        /// what is already buffered. `nil` after close. For sinks that write in batches.
        public mutating func nextBatch(limit: Int) async throws -> [KafkaMessage]? {
            while let batch = try await buffer.nextBatch(limit: limit) {
                let current = batch.filter { tracker.isCurrent($0) }
                if !current.isEmpty { return current }
            }
            return nil
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(buffer: buffer, base: buffer.makeAsyncIterator(), tracker: tracker)
    }
}
