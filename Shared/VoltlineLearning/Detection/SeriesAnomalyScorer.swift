public import VoltlineAnalytics

/// The streaming detectors of one series together: robust median/MAD (``RobustDetector`` from
/// VoltlineAnalytics), EWMA, CUSUM and the seasonal baseline, each calibrated to 0–1, and their maximum.
public struct SeriesAnomalyScorer: Sendable {
    /// One value's scores; a detector still warming up gives nil.
    public struct Scores: Sendable, Hashable {
        public var robust: Double?
        public var ewma: Double?
        public var cusum: Double?
        public var seasonal: Double?

        /// The calibrated scores present.
        public var all: [Double] { [robust, ewma, cusum, seasonal].compactMap { $0 } }
        /// The highest calibrated score (0 while every detector warms up).
        public var combined: Double { all.max() ?? 0 }
    }

    private static let key = RobustDetector.SeriesKey(deviceID: "", metric: "value")
    /// z-like scores: 0.5 at 5σ, 0.95 at about 6.5σ.
    public static let zCalibration = ScoreCalibration.standardized(midpoint: 5, width: 0.5)
    /// CUSUM statistic over its threshold: 0.95 when the decision threshold is reached.
    public static let cusumCalibration = ScoreCalibration.standardized(midpoint: 0.8, width: 0.067)

    private var robust: RobustDetector
    private var ewma: EWMADetector
    private var cusum: CUSUMDetector
    private var seasonal: SeasonalBaselineDetector?

    /// Creates the detectors; `seasonal` nil for series without a daily or weekly rhythm.
    public init(
        robust: RobustDetector = RobustDetector(), ewma: EWMADetector = EWMADetector(),
        cusum: CUSUMDetector = CUSUMDetector(), seasonal: SeasonalBaselineDetector? = SeasonalBaselineDetector()
    ) {
        self.robust = robust
        self.ewma = ewma
        self.cusum = cusum
        self.seasonal = seasonal
    }

    /// Scores `value` observed at `timeSeconds` (site clock), then learns from it.
    public mutating func observe(_ value: Double, atSeconds timeSeconds: Int64) -> Scores {
        let z = Self.zCalibration
        return Scores(
            robust: robust.observe(value, for: Self.key).map { z.calibrate($0.z) },
            ewma: ewma.observe(value).map(z.calibrate),
            cusum: cusum.observe(value).map(Self.cusumCalibration.calibrate),
            seasonal: seasonal?.observe(value, atSeconds: timeSeconds).map(z.calibrate))
    }
}
