/// Evaluates forecasters with a rolling origin: from the end of training to the end of the test window, one
/// forecast per day at midnight (or every `originStride` intervals), each scored against what then happened.
///
/// Each forecast sees only the values before its origin. Models are trained on the window before
/// ``trainUntilSeconds`` and, with ``refitEveryDays``, refit on everything before the origin as it rolls.
public struct RollingOriginEvaluation: Sendable {
    /// The result of one forecaster.
    public struct Result: Sendable {
        /// The forecaster's name.
        public var name: String
        /// Errors over every scored interval.
        public var accuracy: ForecastAccuracy
        /// Share of actual values inside the prediction interval (nan for point forecasts).
        public var intervalCoverage: Double
        /// Forecasts made.
        public var origins: Int
        /// Seconds spent training (all refits) and forecasting.
        public var trainingSeconds: Double
        public var forecastingSeconds: Double
    }

    /// The series.
    public var series: LoadSeries
    /// End of training and start of the test window, and end of the test window, seconds since the epoch.
    public var trainUntilSeconds: Int64
    public var testUntilSeconds: Int64
    /// Intervals forecast from each origin (96 = day-ahead at 15 minutes).
    public var horizon: Int
    /// Intervals between origins (96 = once a day).
    public var originStride: Int
    /// Refit the model every this many days of test (nil: train once).
    public var refitEveryDays: Int?

    /// Creates an evaluation.
    public init(
        series: LoadSeries, trainUntilSeconds: Int64, testUntilSeconds: Int64, horizon: Int = 96,
        originStride: Int = 96, refitEveryDays: Int? = nil
    ) {
        self.series = series
        self.trainUntilSeconds = trainUntilSeconds
        self.testUntilSeconds = testUntilSeconds
        self.horizon = horizon
        self.originStride = originStride
        self.refitEveryDays = refitEveryDays
    }

    /// The forecast origins: from the end of training, every ``originStride``, while a whole horizon fits.
    public var origins: [Int] {
        let first = series.index(at: trainUntilSeconds)
        let end = min(series.values.count, series.index(at: testUntilSeconds))
        return Array(stride(from: first, through: end - horizon, by: originStride))
    }

    /// Evaluates a forecaster that needs no training (a baseline) or is already trained.
    public func evaluate(_ forecaster: some LoadForecasting) throws(LearningError) -> Result {
        try evaluate(name: forecaster.name) { _ in forecaster }
    }

    /// Evaluates a forecaster made by `train`, which gets the end of the training data (seconds since the
    /// epoch) and is called once, then again every ``refitEveryDays``.
    public func evaluate(
        name: String, train: (Int64) throws(LearningError) -> any LoadForecasting
    ) throws(LearningError) -> Result {
        var accuracy = ForecastAccuracy()
        var inside = 0
        var bounded = 0
        var trainingSeconds = 0.0
        var forecastingSeconds = 0.0
        var model: (any LoadForecasting)?
        var trainedAt = Int.min
        let refitStride = refitEveryDays.map { $0 * series.intervalsPerDay }
        for origin in origins {
            if model == nil || refitStride.map({ origin - trainedAt >= $0 }) == true {
                let started = ContinuousClock.now
                model = try train(series.time(at: origin))
                trainedAt = origin
                trainingSeconds += (ContinuousClock.now - started).seconds
            }
            let started = ContinuousClock.now
            let forecast = try model!.forecast(series, origin: origin, horizon: horizon)
            forecastingSeconds += (ContinuousClock.now - started).seconds
            let actual = (0..<horizon).map { series[safe: origin + $0] }
            accuracy.add(actual: actual, forecast: forecast.values)
            for (point, actual) in zip(forecast.points, actual) where actual.isFinite && point.upper > point.lower {
                bounded += 1
                if (point.lower...point.upper).contains(actual) { inside += 1 }
            }
        }
        return Result(
            name: name, accuracy: accuracy, intervalCoverage: bounded == 0 ? .nan : Double(inside) / Double(bounded),
            origins: origins.count, trainingSeconds: trainingSeconds, forecastingSeconds: forecastingSeconds)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
