/// One threshold rule firing on one reading.
public struct RuleFinding: Sendable, Hashable, Codable {
    /// The device.
    public var deviceID: String
    /// Event time of the reading, ms since the Unix epoch.
    public var timeMillis: Int64
    /// The rule, one of ``RuleID``.
    public var ruleID: String
    /// How serious it is (never ``RiskLevel/normal`` in ``ThresholdRules/evaluate(_:limits:)``'s output).
    public var level: RiskLevel
    /// The observed value, in the canonical unit of the metric.
    public var value: Double
    /// The threshold crossed for ``level``.
    public var threshold: Double
    /// A plain-language explanation for operators.
    public var message: String

    /// Creates a finding.
    public init(
        deviceID: String, timeMillis: Int64, ruleID: String, level: RiskLevel, value: Double, threshold: Double,
        message: String
    ) {
        self.deviceID = deviceID
        self.timeMillis = timeMillis
        self.ruleID = ruleID
        self.level = level
        self.value = value
        self.threshold = threshold
        self.message = message
    }
}
