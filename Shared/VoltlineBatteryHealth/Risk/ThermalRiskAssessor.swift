import VoltlineAnalytics

/// Turns a pack's precursor values into one thermal-runaway risk level.
///
/// Each precursor reaches a level through its own thresholds; the pack takes the highest. Because runaway
/// announces itself through several signs at once (a leaking cell heats at rest, loses voltage and drifts
/// from its neighbours), two or more precursors at warning raise the pack to critical, and two or more at
/// critical raise it to danger.
public struct ThermalRiskAssessor: Sendable {
    /// Thresholds per precursor, per cell (chemistry-independent defaults for Li-ion).
    public var thresholds: [RunawayPrecursor: PrecursorLevels]

    /// Default thresholds. Normal operation of the reference packs stays below every warning: charging at
    /// 1C heats less than 1 °C/min, a resting cell cools or holds, relaxation after charge is excluded by
    /// ``PackRiskMonitor``'s settling time.
    public static let defaultThresholds: [RunawayPrecursor: PrecursorLevels] = [
        .temperatureRise: PrecursorLevels(warning: 1.5, critical: 3, danger: 10),
        .restSelfHeating: PrecursorLevels(warning: 0.1, critical: 0.25, danger: 1),
        .restVoltageDrop: PrecursorLevels(warning: 10, critical: 30, danger: 200),
        .cellVoltageSpread: PrecursorLevels(warning: 0.1, critical: 0.2, danger: 0.5),
        .cellTemperatureSpread: PrecursorLevels(warning: 5, critical: 10, danger: 20),
        .overvoltage: PrecursorLevels(warning: 0.02, critical: 0.1, danger: 0.25),
    ]

    /// Creates an assessor.
    public init(thresholds: [RunawayPrecursor: PrecursorLevels] = defaultThresholds) {
        self.thresholds = thresholds
    }

    /// The pack's risk from its precursors.
    public func assess(_ precursors: PackPrecursors) -> ThermalRiskAssessment {
        var findings: [ThermalRiskAssessment.Finding] = []
        for precursor in RunawayPrecursor.allCases {
            guard let value = precursors[precursor], let levels = thresholds[precursor] else { continue }
            let level = levels.level(of: value)
            if level > .normal { findings.append(.init(precursor: precursor, value: value, level: level)) }
        }
        findings.sort { $0.level > $1.level }
        var level = findings.first?.level ?? .normal
        if findings.count >= 2 { level = max(level, .critical) }
        if findings.filter({ $0.level >= .critical }).count >= 2 { level = .danger }
        return ThermalRiskAssessment(level: level, findings: findings)
    }
}
