public import VoltlineDomain

/// One device's features over one closed 1-minute event-time window: what the features service
/// publishes and stores. Exactly one of ``machine`` and ``pack`` is set, after the device ``kind``.
public struct MinuteFeature: Sendable, Hashable, Codable {
    /// The device.
    public var deviceID: String
    /// The device kind (of the window's first reading).
    public var kind: DeviceKind
    /// Window start, ms since the Unix epoch (a whole UTC minute); the window is `[start, start + 60 s)`.
    public var windowStartMillis: Int64
    /// Readings merged into the window.
    public var sampleCount: Int
    /// Share of the window covered by samples held at most the maximum hold time, 0...1.
    public var coverage: Double
    /// Machine features, for a machine.
    public var machine: MachineMinute?
    /// Battery pack features, for a pack.
    public var pack: PackMinute?

    /// Creates a feature record.
    public init(
        deviceID: String, kind: DeviceKind, windowStartMillis: Int64, sampleCount: Int, coverage: Double,
        machine: MachineMinute? = nil, pack: PackMinute? = nil
    ) {
        self.deviceID = deviceID
        self.kind = kind
        self.windowStartMillis = windowStartMillis
        self.sampleCount = sampleCount
        self.coverage = coverage
        self.machine = machine
        self.pack = pack
    }
}
