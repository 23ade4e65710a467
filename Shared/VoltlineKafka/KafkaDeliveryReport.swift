/// Where the broker stored a produced message.
public struct KafkaDeliveryReport: Hashable, Sendable {
    /// The topic and partition the message was written to.
    public var topicPartition: KafkaTopicPartition
    /// The message's offset in that partition.
    public var offset: Int64
}
