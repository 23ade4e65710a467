/// How far a consumer is behind on one partition.
public struct KafkaPartitionLag: Hashable, Sendable {
    /// The partition.
    public var topicPartition: KafkaTopicPartition
    /// The offset after the last message in the partition, if known.
    public var highWatermark: Int64?
    /// The offset of the next message this consumer will fetch, if it has started.
    public var position: Int64?
    /// Messages between ``position`` (or the log start) and ``highWatermark``; 0 when unknown.
    public var lag: Int64
}
