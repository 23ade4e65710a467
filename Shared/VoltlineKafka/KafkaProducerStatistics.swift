/// Counters of a ``KafkaProducer`` since it was created.
public struct KafkaProducerStatistics: Hashable, Sendable {
    /// Messages the brokers acknowledged.
    public var sent: Int
    /// Messages librdkafka accepted but could not deliver.
    public var failed: Int
    /// Messages accepted and not yet acknowledged or failed.
    public var inFlight: Int
}
