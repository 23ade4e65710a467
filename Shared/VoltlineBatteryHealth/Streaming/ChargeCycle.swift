/// A finished charge segment of a streamed pack with its features, ready to store and to estimate health.
public struct ChargeCycle: Sendable, Hashable, Codable {
    /// The pack.
    public var deviceID: String
    /// Event times of the segment's first sample and of its end, ms since the Unix epoch.
    public var startMillis: Int64
    public var endMillis: Int64
    /// The pack's equivalent full cycles when the charge ended (since the collector started), when the
    /// capacity is known.
    public var equivalentFullCycles: Double?
    /// The capacity the charge implies from the state of charge the BMS reported at its start and end
    /// (``CoulombCounter/capacityAh(ampHours:startSOCPercent:endSOCPercent:minimumSpanPercent:)``), in Ah.
    public var stateOfChargeCapacityAh: Double?
    /// The charge's features, computed on per-cell values (pack voltage over cells in series).
    public var features: ChargeFeatures
    /// Why the screen rejected it for state of health, or nil when accepted.
    public var rejection: ChargeRejection?

    /// Creates a cycle.
    public init(
        deviceID: String, startMillis: Int64, endMillis: Int64, equivalentFullCycles: Double?,
        stateOfChargeCapacityAh: Double? = nil, features: ChargeFeatures, rejection: ChargeRejection?
    ) {
        self.stateOfChargeCapacityAh = stateOfChargeCapacityAh
        self.deviceID = deviceID
        self.startMillis = startMillis
        self.endMillis = endMillis
        self.equivalentFullCycles = equivalentFullCycles
        self.features = features
        self.rejection = rejection
    }

    /// Spelled so the snake-case strategies of ``featureMessage()`` map it to and from `device_id` both ways.
    private enum CodingKeys: String, CodingKey {
        case deviceID = "deviceId"
        case startMillis, endMillis, equivalentFullCycles, stateOfChargeCapacityAh, features, rejection
    }
}
