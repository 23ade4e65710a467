/// Per-series robust outlier scores: the rolling median and MAD of the last N values, and the robust
/// z-score of each new value against them (the value is scored before it joins the history, so a
/// spike does not mask itself).
///
/// A floor on the MAD (`max(absolute, relative × |median|)`) keeps a flat signal from turning a tiny
/// step into a huge score. Cost per value: O(N) memory moves and no allocation once a series is full.
public struct RobustDetector: Sendable {
    /// Detector settings.
    public struct Configuration: Sendable, Hashable, Codable {
        /// Values kept per series.
        public var windowSize: Int
        /// Values a series needs before it is scored.
        public var minimumHistory: Int
        /// Smallest MAD used, in the series' unit.
        public var absoluteMADFloor: Double
        /// Smallest MAD used, as a share of `|median|`.
        public var relativeMADFloor: Double
        /// Robust z-scores at which each level starts; `dangerZ` nil means statistics never say danger.
        public var warningZ: Double
        public var criticalZ: Double
        public var dangerZ: Double?

        /// Creates a configuration.
        public init(
            windowSize: Int = 120, minimumHistory: Int = 60, absoluteMADFloor: Double = 0.01,
            relativeMADFloor: Double = 0.01, warningZ: Double = 6, criticalZ: Double = 10, dangerZ: Double? = nil
        ) {
            self.windowSize = windowSize
            self.minimumHistory = minimumHistory
            self.absoluteMADFloor = absoluteMADFloor
            self.relativeMADFloor = relativeMADFloor
            self.warningZ = warningZ
            self.criticalZ = criticalZ
            self.dangerZ = dangerZ
        }
    }

    /// A series: one metric of one device.
    public struct SeriesKey: Sendable, Hashable {
        /// The device.
        public var deviceID: String
        /// The metric's name.
        public var metric: String

        /// Creates a key.
        public init(deviceID: String, metric: String) {
            self.deviceID = deviceID
            self.metric = metric
        }
    }

    /// The settings.
    public let configuration: Configuration
    private var series: [SeriesKey: RollingMedian] = [:]

    /// Creates a detector with no history.
    public init(configuration: Configuration = Configuration()) {
        precondition(
            configuration.minimumHistory >= 1 && configuration.minimumHistory <= configuration.windowSize,
            "minimumHistory must be in 1...windowSize")
        self.configuration = configuration
    }

    /// Scores `value` against the history of `key`, then adds it to the history. `madFloor` raises the
    /// configured absolute MAD floor for this series (the metric's measurement resolution).
    /// - Returns: the score, or nil while the series has less than the minimum history or the value is
    ///   not finite (which is not added).
    public mutating func observe(_ value: Double, for key: SeriesKey, madFloor: Double? = nil) -> RobustScore? {
        guard value.isFinite else { return nil }
        var configuration = configuration
        if let madFloor { configuration.absoluteMADFloor = max(configuration.absoluteMADFloor, madFloor) }
        return series[key, default: RollingMedian(capacity: configuration.windowSize)].scoreThenAdd(value) {
            $0.count >= configuration.minimumHistory ? Self.score(value, against: $0, configuration) : nil
        }
    }

    private static func score(
        _ value: Double, against history: RollingMedian, _ configuration: Configuration
    ) -> RobustScore {
        let median = history.median
        let floor = max(configuration.absoluteMADFloor, configuration.relativeMADFloor * abs(median))
        let sigma = 1.4826 * max(history.medianAbsoluteDeviation(around: median), floor)
        let z = abs(value - median) / sigma
        let ladder = ThresholdLadder(
            trigger: .atOrAbove, warning: configuration.warningZ, critical: configuration.criticalZ,
            danger: configuration.dangerZ)
        let (level, zThreshold) = ladder.check(z)
        let side = value >= median ? 1.0 : -1.0
        return RobustScore(
            value: value, median: median, robustSigma: sigma, z: z, level: level,
            threshold: median + side * zThreshold * sigma)
    }
}

extension RollingMedian {
    /// Runs `score` on the history as it is, then adds `value`: one dictionary access for both.
    fileprivate mutating func scoreThenAdd(
        _ value: Double, _ score: (RollingMedian) -> RobustScore?
    ) -> RobustScore? {
        defer { add(value) }
        return score(self)
    }
}
