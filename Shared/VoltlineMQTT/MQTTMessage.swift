/// One application message received from the broker.
public struct MQTTMessage: Sendable, Hashable {
    /// The topic the message was published to (never a filter).
    public var topic: String
    /// The payload bytes, copied out of libmosquitto's buffer.
    public var payload: [UInt8]
    /// The QoS the broker delivered the message with (at most the subscription's QoS).
    public var qos: MQTTQoS
    /// Whether the message is a retained message sent because of a new subscription.
    public var retain: Bool

    /// Creates a message; the client creates them, tests and fakes may too.
    public init(topic: String, payload: [UInt8], qos: MQTTQoS, retain: Bool) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
    }
}
