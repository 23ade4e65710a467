import Foundation
public import VoltlineDomain

/// Combines ``ThresholdRules`` and a ``RobustDetector`` per device into ``Anomaly`` values, and tracks
/// each condition's level (device × rule id) to report every change, clearing included.
///
/// A condition changes only when its rule is evaluated: a reading that lacks a rule's inputs (no SOC,
/// say) or a statistic still warming up leaves the condition as it was.
///
/// Conditions clear with an off-delay, as alarm-management practice asks: a value hovering at a
/// threshold would otherwise open and clear a condition (and an alert) with every reading. An open
/// condition clears only after ``clearAfterNormalReadings`` consecutive normal readings.
public struct AnomalyEvaluator: Sendable {
    /// An open condition: its level and how many normal readings followed in a row.
    private struct Condition: Sendable {
        var level: RiskLevel
        var normalStreak = 0
    }

    /// The threshold rules.
    public let rules: ThresholdRules
    /// Consecutive normal readings after which an open condition clears.
    public let clearAfterNormalReadings: Int
    private var detector: RobustDetector
    /// Open (non-normal) conditions per device, by rule id.
    private var conditions: [String: [String: Condition]] = [:]

    /// Creates an evaluator with no history and no open conditions.
    public init(
        rules: ThresholdRules = ThresholdRules(), detector: RobustDetector = RobustDetector(),
        clearAfterNormalReadings: Int = 10
    ) {
        precondition(clearAfterNormalReadings >= 1, "clearAfterNormalReadings must be at least 1")
        self.rules = rules
        self.detector = detector
        self.clearAfterNormalReadings = clearAfterNormalReadings
    }

    /// Evaluates one reading.
    /// - Parameters:
    ///   - reading: the reading, in event-time order per device for the statistics to be meaningful.
    ///   - limits: the device's limits.
    public mutating func evaluate(_ reading: Reading, limits: DeviceLimits = DeviceLimits()) -> AnomalyEvaluation {
        var evaluation = AnomalyEvaluation()
        var open = conditions.removeValue(forKey: reading.deviceID) ?? [:]
        defer { if !open.isEmpty { conditions[reading.deviceID] = open } }
        let clearAfter = clearAfterNormalReadings
        func change(_ ruleID: String, from previous: RiskLevel, to level: RiskLevel) {
            evaluation.changes.append(
                ConditionChange(
                    deviceID: reading.deviceID, ruleID: ruleID, timeMillis: reading.timeMillis,
                    previousLevel: previous, level: level))
        }
        func record(_ ruleID: String, _ level: RiskLevel) {
            guard level > .normal else {
                guard var condition = open[ruleID] else { return }
                condition.normalStreak += 1
                if condition.normalStreak >= clearAfter {
                    open[ruleID] = nil
                    change(ruleID, from: condition.level, to: .normal)
                } else {
                    open[ruleID] = condition
                }
                return
            }
            let previous = open[ruleID]?.level ?? .normal
            open[ruleID] = Condition(level: level)
            if previous != level { change(ruleID, from: previous, to: level) }
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
        (conditions[deviceID] ?? [:]).mapValues(\.level)
    }

    private static func message(_ metric: MonitoredMetric, _ score: RobustScore) -> String {
        let direction = score.value >= score.median ? "above" : "below"
        let numbers = String(format: "%.3g, recent median %.3g, robust z %.1f", score.value, score.median, score.z)
        return "\(metric.rawValue) is unusually far \(direction) its recent history (\(numbers))."
    }
}
