import Foundation
import VoltlineAnalytics

/// An anomaly v1 message from `voltline.anomalies.v1` (see docs/CONTRACTS.md); only the fields alerts use.
struct AnomalyMessage: Sendable, Decodable {
    /// The device id.
    let device: String
    /// Event time.
    let time: Date
    /// The rule that fired or cleared, for example `pack.over_temperature`.
    let rule: String
    /// The level; ``RiskLevel/normal`` says the condition cleared.
    let level: RiskLevel
    /// A sentence for people.
    let message: String

    private enum CodingKeys: String, CodingKey {
        case version = "v"
        case device, ts, rule, level, message
    }

    /// Thrown for a message of another contract version.
    struct UnsupportedVersion: Error, CustomStringConvertible {
        let version: Int
        var description: String { "unsupported anomaly message version \(version)" }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == 1 else { throw UnsupportedVersion(version: version) }
        device = try container.decode(String.self, forKey: .device)
        time = Date(timeIntervalSince1970: Double(try container.decode(Int64.self, forKey: .ts)) / 1000)
        rule = try container.decode(String.self, forKey: .rule)
        level = try container.decode(RiskLevel.self, forKey: .level)
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
    }
}
