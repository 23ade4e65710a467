import Foundation
import VoltlineXGBoost

/// Forecasts energy per interval 1 to ``LoadForecasterConfiguration/maxHorizon`` intervals ahead with
/// gradient-boosted trees (XGBoost through ``VoltlineXGBoost``), with empirical prediction intervals.
///
/// One model serves every horizon (see ``LoadFeatures``): calendar flags of the target day, the same time of
/// day on the latest known days, last week and the latest day of the same kind (workday or not), and
/// rolling statistics of the last hour, day and week, all taken before the origin.
///
/// Training holds out the last ``LoadForecasterConfiguration/calibrationDays`` of the window, measures the
/// residuals there per horizon, then refits on the whole window. Refit by training again on a longer
/// series (``train(on:until:calendar:configuration:)``); ``serialized()`` and ``init(serialized:)`` store
/// and restore a trained forecaster.
///
/// Typical use by a scheduler: keep a ``LoadSeries`` of the site's `energy_15m`, and at planning time call
/// `forecaster.forecast(series, origin: series.values.count, horizon: 96)`.
public final class LoadForecaster: LoadForecasting {
    /// The settings it was trained with.
    public let configuration: LoadForecasterConfiguration
    /// The site calendar its calendar features use.
    public let calendar: ForecastCalendar
    /// Interval length of the series it was trained on, seconds.
    public let stepSeconds: Int64
    /// The training window, `[start, end)` in seconds since the epoch.
    public let trainingWindow: Range<Int64>
    /// Mean absolute error on the held-out calibration days (nan when there were none).
    public let calibrationMAE: Double
    let model: GradientBoostedModel
    let residuals: ResidualQuantiles

    public var name: String { "gbt" }

    init(
        configuration: LoadForecasterConfiguration, calendar: ForecastCalendar, stepSeconds: Int64,
        trainingWindow: Range<Int64>, calibrationMAE: Double, model: GradientBoostedModel, residuals: ResidualQuantiles
    ) {
        self.configuration = configuration
        self.calendar = calendar
        self.stepSeconds = stepSeconds
        self.trainingWindow = trainingWindow
        self.calibrationMAE = calibrationMAE
        self.model = model
        self.residuals = residuals
    }

    /// Trains on the intervals of `series` before `until` (all of it when nil).
    /// - Throws: ``LearningError`` when fewer than warm-up + 7 days are available or XGBoost fails.
    public static func train(
        on series: LoadSeries, until: Int64? = nil, calendar: ForecastCalendar = ForecastCalendar(),
        configuration: LoadForecasterConfiguration = LoadForecasterConfiguration()
    ) throws(LearningError) -> LoadForecaster {
        let end = min(series.values.count, until.map { series.index(at: $0) } ?? series.values.count)
        let origins = trainingOrigins(series, end: end, configuration: configuration)
        guard origins.count >= 7 else {
            throw LearningError.notEnoughData(
                "training needs \(configuration.warmUpDays + 7) days before the end of the window, found fewer")
        }
        let perDay = series.intervalsPerDay
        let calibrationStart = end - configuration.calibrationDays * perDay
        let fitOrigins = origins.filter { $0 + configuration.maxHorizon <= calibrationStart }
        var residuals = ResidualQuantiles.none(bucketWidth: max(1, perDay / 24))
        var calibrationMAE = Double.nan
        if configuration.calibrationDays > 0, fitOrigins.count >= 7 {
            let holdout = try fit(series, origins: fitOrigins, end: calibrationStart, calendar, configuration)
            var found: [(horizon: Int, residual: Double)] = []
            for origin in origins where origin >= calibrationStart {
                let horizon = min(configuration.maxHorizon, end - origin)
                let predicted = try predict(holdout, series, origin: origin, horizon: horizon, calendar, configuration)
                for step in 1...horizon {
                    found.append((step, series[safe: origin + step - 1] - predicted[step - 1]))
                }
            }
            residuals = ResidualQuantiles(residuals: found, bucketWidth: residuals.bucketWidth, coverage: configuration.coverage)
            let known = found.map(\.residual).filter(\.isFinite)
            calibrationMAE = known.isEmpty ? .nan : known.reduce(0) { $0 + abs($1) } / Double(known.count)
        }
        let model = try fit(series, origins: origins, end: end, calendar, configuration)
        return LoadForecaster(
            configuration: configuration, calendar: calendar, stepSeconds: series.stepSeconds,
            trainingWindow: series.startSeconds..<series.time(at: end), calibrationMAE: calibrationMAE, model: model,
            residuals: residuals)
    }

    public func forecast(_ series: LoadSeries, origin: Int, horizon: Int) throws(LearningError) -> LoadForecast {
        guard series.stepSeconds == stepSeconds else {
            throw LearningError.badInput("the model was trained on \(stepSeconds)-second intervals, not \(series.stepSeconds)")
        }
        guard (1...configuration.maxHorizon).contains(horizon) else {
            throw LearningError.badInput("horizon \(horizon) is outside 1...\(configuration.maxHorizon)")
        }
        let predicted = try Self.predict(model, series, origin: origin, horizon: horizon, calendar, configuration)
        let points = predicted.enumerated().map { offset, value in
            let bounds = residuals.interval(around: value, horizon: offset + 1)
            return LoadForecast.Point(
                timeSeconds: series.time(at: origin + offset), horizon: offset + 1, value: value, lower: bounds.lower,
                upper: bounds.upper)
        }
        return LoadForecast(originSeconds: series.time(at: origin), coverage: configuration.coverage, points: points)
    }

    /// Training origins: `originsPerDay` a day from midnight, after the warm-up, with at least one known target.
    private static func trainingOrigins(
        _ series: LoadSeries, end: Int, configuration: LoadForecasterConfiguration
    ) -> [Int] {
        let perDay = series.intervalsPerDay
        let stride = max(1, perDay / max(1, configuration.originsPerDay))
        let firstMidnight = series.index(at: (series.startSeconds + 86_399).floorDivided(by: 86_400) * 86_400)
        let first = firstMidnight + configuration.warmUpDays * perDay
        guard first < end else { return [] }
        return Array(Swift.stride(from: first, to: end, by: stride))
    }

    private static func fit(
        _ series: LoadSeries, origins: [Int], end: Int, _ calendar: ForecastCalendar,
        _ configuration: LoadForecasterConfiguration
    ) throws(LearningError) -> GradientBoostedModel {
        var values: [Float] = []
        var labels: [Float] = []
        var weights: [Float] = []
        for origin in origins {
            let features = LoadFeatures(series: series, calendar: calendar, origin: origin)
            let scale = Self.scale(features, configuration)
            for horizon in 1...configuration.maxHorizon where origin + horizon - 1 < end {
                let label = series[safe: origin + horizon - 1]
                guard label.isFinite else { continue }
                values += Self.scaled(features.row(horizon: horizon), by: scale)
                labels.append(Float(configuration.logarithmicTarget ? log(label / scale + configuration.logarithmOffset) : label / scale))
                weights.append(Float(scale))
            }
        }
        let columns = LoadFeatures.columnCount(covariates: series.knownAhead.count)
        let matrix = FeatureMatrix(rowCount: labels.count, columnCount: columns, values: values)
        let parameters = BoostingParameters(
            objective: configuration.objective, rounds: configuration.rounds, maxDepth: configuration.maxDepth,
            learningRate: configuration.learningRate, subsample: configuration.subsample,
            columnSample: configuration.columnSample, minChildWeight: configuration.minChildWeight,
            threads: configuration.threads, extra: ["huber_slope": String(configuration.huberSlope)])
        do {
            return try GradientBoostedModel.train(
                features: matrix, labels: labels, weights: configuration.relativeToRecentLevel ? weights : nil,
                parameters: parameters)
        } catch {
            throw LearningError.unusableModel("XGBoost could not train the load model: \(error)")
        }
    }

    /// The level energy is divided by: the last week's mean when relative and positive, else 1.
    private static func scale(_ features: LoadFeatures, _ configuration: LoadForecasterConfiguration) -> Double {
        guard configuration.relativeToRecentLevel, features.recentLevel.isFinite, features.recentLevel > 0 else {
            return 1
        }
        return features.recentLevel
    }

    private static func scaled(_ row: [Float], by scale: Double) -> [Float] {
        guard scale != 1 else { return row }
        return row.enumerated().map { LoadFeatures.isEnergy($0) ? $1 / Float(scale) : $1 }
    }

    private static func predict(
        _ model: GradientBoostedModel, _ series: LoadSeries, origin: Int, horizon: Int, _ calendar: ForecastCalendar,
        _ configuration: LoadForecasterConfiguration
    ) throws(LearningError) -> [Double] {
        let features = LoadFeatures(series: series, calendar: calendar, origin: origin)
        let scale = Self.scale(features, configuration)
        let values = (1...horizon).flatMap { Self.scaled(features.row(horizon: $0), by: scale) }
        do {
            let predicted = try model.predict(
                FeatureMatrix(
                    rowCount: horizon, columnCount: LoadFeatures.columnCount(covariates: series.knownAhead.count),
                    values: values))
            return predicted.map { max(0, (configuration.logarithmicTarget ? exp(Double($0)) - configuration.logarithmOffset : Double($0)) * scale) }
        } catch {
            throw LearningError.unusableModel("XGBoost could not predict: \(error)")
        }
    }
}
