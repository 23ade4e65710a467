/// The MQTT delivery guarantee of a publication or subscription.
public enum MQTTQoS: Int, Sendable, Hashable, CustomStringConvertible {
    /// At most once: fire and forget, no acknowledgement.
    case atMostOnce = 0
    /// At least once: the receiver acknowledges with PUBACK; duplicates are possible.
    case atLeastOnce = 1
    /// Exactly once: a four-packet handshake; slowest.
    case exactlyOnce = 2

    public var description: String { "QoS \(rawValue)" }
}
