/// Settings of a ``LoadForecaster``: the horizon it is trained for, the trees, and the prediction intervals.
public struct LoadForecasterConfiguration: Sendable, Hashable, Codable {
    /// Longest horizon in intervals (192 = 48 hours of 15-minute intervals).
    public var maxHorizon: Int
    /// Forecast origins per day used for training, evenly spaced from midnight (1 = midnight only, the
    /// day-ahead case; 4 = every six hours).
    public var originsPerDay: Int
    /// Days of history before the first training origin, so lag features exist.
    public var warmUpDays: Int
    /// The last days of the training window held out to measure residuals for the prediction intervals;
    /// the final model is then refit on the whole window. 0 gives point forecasts with zero-width intervals.
    public var calibrationDays: Int
    /// Nominal coverage of the prediction intervals, e.g. 0.9 for the 5 % and 95 % residual quantiles.
    public var coverage: Double
    /// Whether the trees learn energy relative to the mean of the last seven days (labels and energy features
    /// divided by it, errors weighted by it), so a plant that runs at a different level than in training is
    /// still forecast in proportion.
    public var relativeToRecentLevel: Bool
    /// Whether the trees learn `log(offset + energy)` (of the relative energy when ``relativeToRecentLevel``):
    /// squared error on the logarithm aims at a typical value rather than the mean, which suits skewed,
    /// on/off loads and the absolute error they are judged by.
    public var logarithmicTarget: Bool
    /// The offset added before the logarithm (keeps zero finite; smaller compresses high loads more).
    public var logarithmOffset: Double
    /// XGBoost objective.
    public var objective: String
    /// Residual at which `reg:pseudohubererror` turns from squared to absolute error, in the label's unit
    /// (a share of the recent level when ``relativeToRecentLevel``). Small values make it fit the median,
    /// which is what minimises the absolute error.
    public var huberSlope: Double
    /// Boosting rounds, tree depth, shrinkage, row and column subsampling, minimum leaf weight.
    public var rounds: Int
    public var maxDepth: Int
    public var learningRate: Double
    public var subsample: Double
    public var columnSample: Double
    public var minChildWeight: Double
    /// Threads for XGBoost (0: XGBoost decides).
    public var threads: Int

    /// Creates a configuration; the defaults are tuned on the steel-plant data (day-ahead, 15 minutes).
    public init(
        maxHorizon: Int = 192, originsPerDay: Int = 1, warmUpDays: Int = 14, calibrationDays: Int = 28,
        coverage: Double = 0.9, relativeToRecentLevel: Bool = true, logarithmicTarget: Bool = true, logarithmOffset: Double = 1, objective: String = "reg:squarederror", huberSlope: Double = 0.1, rounds: Int = 300, maxDepth: Int = 4,
        learningRate: Double = 0.05, subsample: Double = 0.8, columnSample: Double = 0.5,
        minChildWeight: Double = 5, threads: Int = 0
    ) {
        self.maxHorizon = maxHorizon
        self.originsPerDay = originsPerDay
        self.warmUpDays = warmUpDays
        self.calibrationDays = calibrationDays
        self.coverage = coverage
        self.relativeToRecentLevel = relativeToRecentLevel
        self.logarithmicTarget = logarithmicTarget
        self.logarithmOffset = logarithmOffset
        self.objective = objective
        self.huberSlope = huberSlope
        self.rounds = rounds
        self.maxDepth = maxDepth
        self.learningRate = learningRate
        self.subsample = subsample
        self.columnSample = columnSample
        self.minChildWeight = minChildWeight
        self.threads = threads
    }
}
