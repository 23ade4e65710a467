/// Event-time settings shared by ``MinuteWindows`` and ``DemandWindows``.
public struct WindowConfiguration: Sendable, Hashable, Codable {
    /// How far behind a device's latest event time its watermark trails, in ms. A window closes once
    /// the watermark passes its end, so readings up to this much out of order are still merged.
    public var allowedLatenessMillis: Int64
    /// The longest a sample's value is held when integrating over time (zero-order hold), in ms.
    /// A longer silence counts as missing data: it lowers coverage instead of inventing energy.
    public var maxHoldMillis: Int64

    /// Creates a configuration.
    public init(allowedLatenessMillis: Int64 = 30_000, maxHoldMillis: Int64 = 60_000) {
        self.allowedLatenessMillis = allowedLatenessMillis
        self.maxHoldMillis = maxHoldMillis
    }
}
