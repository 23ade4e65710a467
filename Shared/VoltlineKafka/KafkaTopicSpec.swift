/// A topic to create.
public struct KafkaTopicSpec: Hashable, Sendable {
    /// The topic name.
    public var name: String
    /// The number of partitions.
    public var partitions: Int
    /// How many brokers keep a copy of each partition.
    public var replicationFactor: Int

    /// Creates a topic description.
    public init(name: String, partitions: Int, replicationFactor: Int = 1) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
    }
}
