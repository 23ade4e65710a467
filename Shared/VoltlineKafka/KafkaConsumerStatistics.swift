/// Counters of a ``KafkaConsumer`` since it was created.
public struct KafkaConsumerStatistics: Hashable, Sendable {
    /// Messages fetched and handed to ``KafkaConsumer/messages``.
    public var received: Int
    /// Times a partition's position was outside its log (``KafkaError/Code/offsetOutOfRange``).
    public var offsetOutOfRange: Int
}
