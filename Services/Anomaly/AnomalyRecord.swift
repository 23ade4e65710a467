import Foundation
import VoltlineAnalytics

/// One row of `anomalies` and one `voltline.anomalies.v1` message: an anomaly, or a condition change
/// without one (a clearing has level `normal`).
struct AnomalyRecord: Encodable {
    var version = 1
    var device: String
    var ts: Int64
    var source: String
    var rule: String
    var level: String
    var score: Double
    var value: Double?
    var threshold: Double?
    var message: String

    enum CodingKeys: String, CodingKey {
        case version = "v", device, ts, source, rule, level, score, value, threshold, message
    }

    /// An anomaly; rules have no statistical score, so theirs is the level's rank (1 warning ... 3 danger).
    init(_ anomaly: Anomaly) {
        device = anomaly.deviceID
        ts = anomaly.timeMillis
        source = anomaly.source.rawValue
        rule = anomaly.ruleID
        level = anomaly.level.rawValue
        score = anomaly.score ?? Double(RiskLevel.allCases.firstIndex(of: anomaly.level)!)
        value = anomaly.value
        threshold = anomaly.threshold
        message = anomaly.message
    }

    /// A condition that changed without an anomaly on this reading: it cleared (level `normal`).
    init(_ change: ConditionChange) {
        device = change.deviceID
        ts = change.timeMillis
        source = change.ruleID.hasPrefix("stat.") ? "statistic" : "rule"
        rule = change.ruleID
        level = change.level.rawValue
        score = 0
        message = "\(change.ruleID) is back to normal (was \(change.previousLevel.rawValue))."
    }

    /// The records of one evaluation: every anomaly, plus every change that no anomaly reports.
    static func records(of evaluation: AnomalyEvaluation) -> [AnomalyRecord] {
        let anomalies = evaluation.anomalies.map(AnomalyRecord.init)
        let reported = Set(evaluation.anomalies.map(\.ruleID))
        return anomalies + evaluation.changes.filter { !reported.contains($0.ruleID) }.map(AnomalyRecord.init)
    }

    /// The JSON bytes.
    var json: [UInt8] {
        // Strings and finite numbers only: encoding cannot fail.
        Array(try! JSONEncoder().encode(self))
    }
}
