/// Settings of a ``KafkaProducer``.
///
/// The producer is always idempotent (`enable.idempotence=true`, which implies `acks=all`), whatever
/// ``KafkaConfiguration/properties`` say: per-partition order and no duplicates from retries.
public struct KafkaProducerConfiguration: Sendable {
    /// Cluster address, client id and extra librdkafka properties.
    public var client: KafkaConfiguration
    /// How long librdkafka keeps retrying a message before reporting it failed (`message.timeout.ms`).
    /// Default 30 seconds.
    public var messageTimeout: Duration
    /// How long ``KafkaProducer/shutdown()`` waits for outstanding messages. Default 10 seconds.
    public var shutdownFlushTimeout: Duration

    /// Creates producer settings.
    /// - Parameters:
    ///   - client: cluster address, client id and extra librdkafka properties.
    ///   - messageTimeout: the delivery deadline of each message.
    ///   - shutdownFlushTimeout: how long shutdown waits for outstanding messages.
    public init(
        client: KafkaConfiguration = KafkaConfiguration(), messageTimeout: Duration = .seconds(30),
        shutdownFlushTimeout: Duration = .seconds(10)
    ) {
        self.client = client
        self.messageTimeout = messageTimeout
        self.shutdownFlushTimeout = shutdownFlushTimeout
    }

    /// The librdkafka properties; the idempotence guarantee is applied last so it cannot be turned off.
    var librdkafkaProperties: [String: String] {
        var defaults = ["message.timeout.ms": String(messageTimeout.milliseconds)]
        defaults.merge(client.librdkafkaProperties()) { _, new in new }
        defaults["enable.idempotence"] = "true"
        return defaults
    }
}
