import Foundation
public import VoltlineDomain

/// Combines ``ThresholdRules`` and a ``RobustDetector`` per device into ``Anomaly`` values, and tracks
/// each condition's level (device × rule id) to report every change, clearing included.
///
/// A condition changes only when its rule is evaluated: a reading that lacks a rule's inputs (no SOC,
/// say) or a statistic still warming up leaves the condition as it was.
public struct AnomalyEvaluator: Sendable {
    /// The threshold rules.
    public let rules: ThresholdRules
    private var detector: RobustDetector
    /// Non-normal conditions per device, by rule id.
    private var conditions: [String: [String: RiskLevel]] = [:]

    /// Creates an evaluator with no history and no open conditions.
    public init(rules: ThresholdRules = ThresholdRules(), detector: RobustDetector = RobustDetector()) {
        self.rules = rules
        self.detector = detector
    }

    /// Evaluates one reading.
    /// - Parameters:
    ///   - reading: the reading, in event-time order per device for the statistics to be meaningful.
    ///   - limits: the device's limits.
    public mutating func evaluate(_ reading: Reading, limits: DeviceLimits = DeviceLimits()) -> AnomalyEvaluation {
        var evaluation = AnomalyEvaluation()
        var levels = conditions.removeValue(forKey: reading.deviceID) ?? [:]
        defer { if !levels.isEmpty { conditions[reading.deviceID] = levels } }
        func record(_ ruleID: String, _ level: RiskLevel) {
            let previous = levels[ruleID] ?? .normal
            guard previous != level else { return }
            levels[ruleID] = level == .normal ? nil : level
            evaluation.changes.append(
                ConditionChange(
                    deviceID: reading.deviceID, ruleID: ruleID, timeMillis: reading.timeMillis,
                    previousLevel: previous, level: level))
        }
        for check in rules.check(reading, limits: limits) {
            record(check.ruleID, check.level)
            guard check.level > .normal else { continue }
            evaluation.anomalies.append(
                Anomaly(
                    deviceID: reading.deviceID, timeMillis: reading.timeMillis, source: .rule, ruleID: check.ruleID,
                    score: nil, level: check.level, value: check.value, threshold: check.threshold,
                    message: check.message))
        }
        for metric in MonitoredMetric.allCases {
            guard let value = metric.value(in: reading.metrics),
                let score = detector.observe(
                    value, for: .init(deviceID: reading.deviceID, metric: metric.rawValue), madFloor: metric.madFloor)
            else { continue }
            record(metric.ruleID, score.level)
            guard score.level > .normal else { continue }
            evaluation.anomalies.append(
                Anomaly(
                    deviceID: reading.deviceID, timeMillis: reading.timeMillis, source: .statistic,
                    ruleID: metric.ruleID, score: score.z, level: score.level, value: value,
                    threshold: score.threshold, message: Self.message(metric, score)))
        }
        evaluation.anomalies.sort { $0.level > $1.level }
        return evaluation
    }

    /// The non-normal conditions of a device, by rule id; a rule id absent here is normal.
    public func openConditions(for deviceID: String) -> [String: RiskLevel] {
        conditions[deviceID] ?? [:]
    }

    private static func message(_ metric: MonitoredMetric, _ score: RobustScore) -> String {
        let direction = score.value >= score.median ? "above" : "below"
        let numbers = String(format: "%.3g, recent median %.3g, robust z %.1f", score.value, score.median, score.z)
        return "\(metric.rawValue) is unusually far \(direction) its recent history (\(numbers))."
    }
}
