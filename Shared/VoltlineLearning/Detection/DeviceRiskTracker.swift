public import VoltlineAnalytics

/// Combines a device's calibrated detector scores with its rule results into one score and one risk
/// level per reading, with hysteresis (see ``RiskThresholds``).
///
/// The combined score is the highest calibrated score: detectors watch different things (level shift,
/// seasonal deviation, multivariate shape), and one of them being sure is enough. A rule level is a floor
/// under the level, never lowered by scores: rules encode hard limits.
public struct DeviceRiskTracker: Sendable {
    /// What one reading produced for a device.
    public struct Assessment: Sendable, Hashable {
        /// The combined calibrated score, 0...1.
        public var score: Double
        /// The level after hysteresis.
        public var level: RiskLevel
        /// The level before this reading, when it changed.
        public var changedFrom: RiskLevel?
    }

    private struct State: Sendable {
        var level: RiskLevel = .normal
        var belowExit = 0
    }

    /// The thresholds.
    public let thresholds: RiskThresholds
    private var devices: [String: State] = [:]

    /// Creates a tracker with every device normal.
    public init(thresholds: RiskThresholds = RiskThresholds()) {
        self.thresholds = thresholds
    }

    /// Assesses one reading of `deviceID` from its calibrated scores (missing detectors left out) and the
    /// highest level its rules found.
    public mutating func assess(deviceID: String, scores: [Double], ruleLevel: RiskLevel = .normal) -> Assessment {
        let score = scores.filter(\.isFinite).max().map { min(1, max(0, $0)) } ?? 0
        var state = devices[deviceID] ?? State()
        let previous = state.level
        let target = max(thresholds.entered(by: score), ruleLevel)
        if target > state.level {
            state.level = target
            state.belowExit = 0
        } else if target < state.level, score < thresholds.exit(from: state.level), ruleLevel < state.level {
            state.belowExit += 1
            if state.belowExit >= thresholds.clearAfter {
                state.level = target
                state.belowExit = 0
            }
        } else {
            state.belowExit = 0
        }
        devices[deviceID] = state
        return Assessment(score: score, level: state.level, changedFrom: previous == state.level ? nil : previous)
    }

    /// The current level of a device (normal when never seen).
    public func level(of deviceID: String) -> RiskLevel { devices[deviceID]?.level ?? .normal }
}
