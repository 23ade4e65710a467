/// A message given to ``KafkaProducer/enqueue(topic:key:value:headers:)`` that librdkafka gave up on.
public struct KafkaDeliveryFailure: Sendable {
    /// The message's topic.
    public var topic: String
    /// The message's key, to identify it without exposing its value.
    public var key: [UInt8]?
    /// Why it failed (for example ``KafkaError/Code/messageTimedOut``).
    public var error: KafkaError
}
