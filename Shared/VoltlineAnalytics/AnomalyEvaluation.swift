/// What evaluating one reading produced.
public struct AnomalyEvaluation: Sendable, Hashable, Codable {
    /// Anomalies on this reading, most serious first.
    public var anomalies: [Anomaly] = []
    /// Conditions whose level changed on this reading, clearings included.
    public var changes: [ConditionChange] = []
}
