import Foundation

/// A refused input on the dead-letter topic (`voltline.deadletter.v1`): why, where it came from, and the
/// original bytes, so an operator can see what a gateway sent and replay it once fixed.
public struct DeadLetter: Sendable, Hashable, Codable {
    /// The largest part of the original payload kept, in bytes.
    public static let maxPayloadBytes = 64 * 1024

    /// Format version (1).
    public var version: Int = 1
    /// The ``RejectionReason`` code, or another stable code (`late_reading`, `undecodable`).
    public var reason: String
    /// A human-readable explanation naming the field and value.
    public var detail: String
    /// Where the input came from: `mqtt`, `http`, or the service that refused it.
    public var source: String
    /// The MQTT topic, HTTP path or Kafka topic it arrived on.
    public var topic: String?
    /// The reading's position in a batch.
    public var index: Int?
    /// The device id, when it could be read.
    public var device: String?
    /// When it was received, in epoch milliseconds.
    public var receivedAtMillis: Int64
    /// The original payload, base64, at most ``maxPayloadBytes`` of it.
    public var payload: String

    enum CodingKeys: String, CodingKey {
        case version = "v", reason, detail, source, topic, index, device, receivedAtMillis = "received_at", payload
    }

    /// Creates a dead letter; the payload is truncated to ``maxPayloadBytes``.
    public init(
        reason: String, detail: String, source: String, topic: String?, index: Int? = nil, device: String? = nil,
        receivedAtMillis: Int64, payload: some Collection<UInt8>
    ) {
        self.reason = reason
        self.detail = detail
        self.source = source
        self.topic = topic
        self.index = index
        self.device = device
        self.receivedAtMillis = receivedAtMillis
        self.payload = Data(payload.prefix(Self.maxPayloadBytes)).base64EncodedString()
    }

    /// A dead letter for a ``Rejection``.
    public init(_ rejection: Rejection, source: String, topic: String?, receivedAtMillis: Int64, payload: [UInt8]) {
        self.init(
            reason: rejection.reason.code, detail: rejection.detail, source: source, topic: topic,
            index: rejection.index, device: rejection.deviceID, receivedAtMillis: receivedAtMillis, payload: payload)
    }

    /// The JSON bytes for Kafka.
    public func encoded() -> [UInt8] {
        // Encoding a struct of strings and integers cannot fail.
        Array(try! JSONEncoder().encode(self))
    }

    /// The Kafka key: the device id when known, else the source.
    public var key: [UInt8] { Array((device ?? source).utf8) }
}
