/// One anomalous reading: what the anomaly service publishes and stores in `anomalies`.
public struct Anomaly: Sendable, Hashable, Codable {
    /// The device.
    public var deviceID: String
    /// Event time of the reading, ms since the Unix epoch.
    public var timeMillis: Int64
    /// Rule or statistic.
    public var source: AnomalySource
    /// A ``RuleID`` for rules; `stat.<metric>` (a ``MonitoredMetric`` raw value) for statistics.
    public var ruleID: String
    /// The robust z-score for statistics; nil for rules.
    public var score: Double?
    /// How serious it is (never normal).
    public var level: RiskLevel
    /// The observed value.
    public var value: Double
    /// The value at which ``level`` starts.
    public var threshold: Double
    /// A plain-language explanation for operators.
    public var message: String
}
