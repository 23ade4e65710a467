/// Where an ``MQTTClient`` is in its life cycle.
public enum MQTTConnectionState: Sendable, Hashable {
    /// Not connected yet, or the last ``MQTTClient/connect()`` failed; `connect()` may be called.
    case idle
    /// ``MQTTClient/connect()`` is waiting for the TCP connection and CONNACK.
    case connecting
    /// The broker accepted the connection.
    case connected
    /// The connection dropped; libmosquitto's network thread is reconnecting with backoff.
    case reconnecting
    /// ``MQTTClient/disconnect()`` was called; the client cannot connect again.
    case closed
}
