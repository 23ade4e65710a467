public import VoltlineAnalytics

/// A pack's thermal-runaway risk: one level, and the precursors that set it.
public struct ThermalRiskAssessment: Sendable, Hashable, Codable {
    /// One precursor's value and the level it reached on its own.
    public struct Finding: Sendable, Hashable, Codable {
        /// Which precursor.
        public var precursor: RunawayPrecursor
        /// Its value, in the precursor's unit (see ``RunawayPrecursor``).
        public var value: Double
        /// The level it reached on its own thresholds.
        public var level: RiskLevel
    }

    /// The pack's level (see ``ThermalRiskAssessor`` for how findings combine).
    public var level: RiskLevel
    /// The precursors at warning or above, most severe first.
    public var findings: [Finding]

    /// A one-line summary for alerts, e.g. `critical: rest_self_heating 0.42 (critical), ...`.
    public var summary: String {
        guard !findings.isEmpty else { return "normal" }
        let parts = findings.map { "\($0.precursor.rawValue) \(Self.format($0.value)) (\($0.level.rawValue))" }
        return "\(level.rawValue): " + parts.joined(separator: ", ")
    }

    private static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}
