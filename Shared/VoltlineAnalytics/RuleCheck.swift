import Foundation

/// The outcome of one rule on one reading, normal included: what condition tracking needs. The
/// message is only written for rules that fire.
struct RuleCheck: Sendable, Hashable {
    let ruleID: String
    let level: RiskLevel
    let value: Double
    let threshold: Double

    /// The plain-language message, naming the quantity, its unit and the limit crossed.
    var message: String {
        let (quantity, unit, relation): (String, String, String) =
            switch ruleID {
            case RuleID.cellOvervoltage: ("Highest cell voltage", "V", "above")
            case RuleID.cellUndervoltage: ("Lowest cell voltage", "V", "below")
            case RuleID.overTemperature: ("Temperature", "°C", "at or above")
            case RuleID.overCurrent: ("Current magnitude", "A", "above")
            case RuleID.lowSOC: ("State of charge", "%", "below")
            case RuleID.overPower: ("Active power", "kW", "above")
            case RuleID.lowPowerFactor: ("Power factor while running", "", "below")
            default: (ruleID, "", "beyond")
            }
        let suffix = unit.isEmpty ? "" : " \(unit)"
        return "\(quantity) \(Self.format(value))\(suffix) is \(relation) the \(level.rawValue) limit of "
            + "\(Self.format(threshold))\(suffix)."
    }

    private static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
