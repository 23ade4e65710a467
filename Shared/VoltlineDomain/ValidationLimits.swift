/// Bounds that ingest enforces on gateway payloads.
public struct ValidationLimits: Sendable, Hashable {
    /// The largest payload accepted, in bytes (checked before parsing).
    public var maxPayloadBytes: Int
    /// The most readings in one batch.
    public var maxBatchReadings: Int
    /// How far an event time may lie ahead of the receive time (gateway clock skew), in ms.
    public var maxFutureSkewMillis: Int64
    /// How far an event time may lie behind the receive time, in ms; older samples are refused.
    public var maxAgeMillis: Int64

    /// Creates limits; the defaults suit gateways that buffer up to a week while offline.
    public init(
        maxPayloadBytes: Int = 256 * 1024, maxBatchReadings: Int = 1_000, maxFutureSkewMillis: Int64 = 5 * 60_000,
        maxAgeMillis: Int64 = 7 * 24 * 3_600_000
    ) {
        self.maxPayloadBytes = maxPayloadBytes
        self.maxBatchReadings = maxBatchReadings
        self.maxFutureSkewMillis = maxFutureSkewMillis
        self.maxAgeMillis = maxAgeMillis
    }
}
