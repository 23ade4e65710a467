public import VoltlineAnalytics

/// Three rising thresholds on one precursor: the value reaches a level at or above its threshold.
public struct PrecursorLevels: Sendable, Hashable, Codable {
    /// The value at which the precursor reaches warning, critical and danger.
    public var warning: Double
    public var critical: Double
    public var danger: Double

    /// Creates thresholds.
    /// - Precondition: `warning <= critical <= danger`.
    public init(warning: Double, critical: Double, danger: Double) {
        precondition(warning <= critical && critical <= danger, "precursor thresholds must rise")
        self.warning = warning
        self.critical = critical
        self.danger = danger
    }

    /// The level `value` reaches.
    public func level(of value: Double) -> RiskLevel {
        if value >= danger { return .danger }
        if value >= critical { return .critical }
        return value >= warning ? .warning : .normal
    }
}
