public import VoltlineAnalytics

/// Calibrated scores at which each risk level starts, and the lower scores at which it ends again.
///
/// A level is entered at its threshold and left only below `threshold − hysteresis`, after
/// ``clearAfter`` consecutive readings there: a score hovering at a boundary keeps its level instead of
/// flapping. ``danger`` nil means scores alone never say danger (rules still can), as for the robust statistics.
public struct RiskThresholds: Sendable, Codable, Hashable {
    /// Calibrated scores at which warning, critical and danger start.
    public var warning: Double
    public var critical: Double
    public var danger: Double?
    /// How far below a threshold the score must fall to leave that level.
    public var hysteresis: Double
    /// Consecutive readings below the exit score before the level drops.
    public var clearAfter: Int

    /// Creates thresholds.
    public init(
        warning: Double = 0.95, critical: Double = 0.99, danger: Double? = nil, hysteresis: Double = 0.1,
        clearAfter: Int = 3
    ) {
        self.warning = warning
        self.critical = critical
        self.danger = danger
        self.hysteresis = hysteresis
        self.clearAfter = max(1, clearAfter)
    }

    /// The level a score reaches on its way up.
    func entered(by score: Double) -> RiskLevel {
        if let danger, score >= danger { return .danger }
        if score >= critical { return .critical }
        return score >= warning ? .warning : .normal
    }

    /// The score below which `level` is left.
    func exit(from level: RiskLevel) -> Double {
        switch level {
        case .normal: -.infinity
        case .warning: warning - hysteresis
        case .critical: critical - hysteresis
        case .danger: (danger ?? critical) - hysteresis
        }
    }
}
