public import VoltlineAnalytics

/// Scores every device's feature windows: the streaming detectors per device, the Isolation Forest of the
/// device's kind when one is loaded, and the rule level, combined into one calibrated score and a risk
/// level with hysteresis. Without a forest (none trained yet, or it failed to load) it runs on the
/// statistics alone: that is the fallback the issue asks for, not an error.
public struct FleetAnomalyScorer: Sendable {
    /// One scored window.
    public struct Result: Sendable, Hashable {
        /// The combined score and level.
        public var assessment: DeviceRiskTracker.Assessment
        /// Each detector's calibrated score (`robust`, `ewma`, `cusum`, `seasonal`, `isolation_forest`).
        public var detectors: [String: Double]
    }

    private var series: [String: SeriesAnomalyScorer] = [:]
    private var forests: [String: MultivariateAnomalyModel] = [:]
    private var tracker: DeviceRiskTracker

    /// Creates a scorer with no history and no forests.
    public init(thresholds: RiskThresholds = RiskThresholds()) {
        tracker = DeviceRiskTracker(thresholds: thresholds)
    }

    /// Uses `model` for devices of `kind` from now on; nil drops back to statistics only.
    public mutating func setForest(_ model: MultivariateAnomalyModel?, for kind: String) {
        forests[kind] = model
    }

    /// Whether a forest is loaded for `kind`.
    public func hasForest(for kind: String) -> Bool { forests[kind] != nil }

    /// Scores one window of `deviceID`, then learns from it.
    /// - Returns: nil for a kind without a ``FeatureSchema``.
    public mutating func score(
        deviceID: String, kind: String, timeSeconds: Int64, features: [String: Double], ruleLevel: RiskLevel = .normal
    ) -> Result? {
        guard let schema = FeatureSchema.of(kind: kind) else { return nil }
        var detectors: [String: Double] = [:]
        if let value = features[schema.primary] {
            var scorer = series[deviceID] ?? SeriesAnomalyScorer(seasonal: schema.seasonal ? SeasonalBaselineDetector() : nil)
            let scores = scorer.observe(value, atSeconds: timeSeconds)
            series[deviceID] = scorer
            detectors["robust"] = scores.robust
            detectors["ewma"] = scores.ewma
            detectors["cusum"] = scores.cusum
            detectors["seasonal"] = scores.seasonal
        }
        if let forest = forests[kind], forest.featureNames == schema.columns {
            let vector = schema.vector(features)
            if vector.allSatisfy(\.isFinite) { detectors["isolation_forest"] = forest.scores(vector)[0] }
        }
        let assessment = tracker.assess(deviceID: deviceID, scores: Array(detectors.values), ruleLevel: ruleLevel)
        return Result(assessment: assessment, detectors: detectors)
    }
}
