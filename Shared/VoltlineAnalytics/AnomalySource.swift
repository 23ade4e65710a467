/// What raised an anomaly.
public enum AnomalySource: String, Sendable, Hashable, Codable {
    /// A fixed threshold rule (``ThresholdRules``).
    case rule
    /// A robust statistic on the device's own history (``RobustDetector``).
    case statistic
}
