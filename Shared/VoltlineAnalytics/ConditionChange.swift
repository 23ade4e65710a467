/// A change of one condition (one rule on one device): the signal that opens, escalates, downgrades
/// and — with ``level`` ``RiskLevel/normal`` — resolves an alert.
public struct ConditionChange: Sendable, Hashable, Codable {
    /// The device.
    public var deviceID: String
    /// The rule, as in ``Anomaly/ruleID``.
    public var ruleID: String
    /// Event time of the reading that changed it.
    public var timeMillis: Int64
    /// The level before.
    public var previousLevel: RiskLevel
    /// The level now; ``RiskLevel/normal`` means the condition cleared.
    public var level: RiskLevel
}
