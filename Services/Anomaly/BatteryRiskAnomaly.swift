import Foundation
import VoltlineBatteryHealth

/// A pack's thermal-runaway risk level change as an `anomalies` row and `voltline.anomalies.v1` message
/// (rule `pack.thermal_runaway_risk`, value = the level's rank, a `normal` level clears it).
struct BatteryRiskAnomaly: Encodable {
    /// The rule id under which risk changes are raised and cleared.
    static let ruleID = "pack.thermal_runaway_risk"

    var version = 1
    var device: String
    var ts: Int64
    var source = "rule"
    var rule = BatteryRiskAnomaly.ruleID
    var level: String
    var score: Double
    var value: Double
    var threshold: Double
    var message: String

    enum CodingKeys: String, CodingKey {
        case version = "v", device, ts, source, rule, level, score, value, threshold, message
    }

    /// The record of a pack's new assessment.
    init(deviceID: String, timeMillis: Int64, assessment: ThermalRiskAssessment) {
        device = deviceID
        ts = timeMillis
        level = assessment.level.rawValue
        let rank = Double(["normal", "warning", "critical", "danger"].firstIndex(of: assessment.level.rawValue)!)
        score = rank
        value = rank
        threshold = 1
        message = "Thermal-runaway risk \(assessment.summary)"
    }

    /// The JSON bytes.
    var json: [UInt8] {
        // Strings and finite numbers only: encoding cannot fail.
        Array(try! JSONEncoder().encode(self))
    }
}
