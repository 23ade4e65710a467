import ArgumentParser
import Foundation
import VoltlineLearning

/// `voltline-models forecast-eval`: rolling-origin evaluation of the gradient-boosted load forecaster against
/// the seasonal-naive baselines on a CSV series.
struct ForecastEvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast-eval",
        abstract: "Train on the series before --train-until, forecast every day from then to --test-until, "
            + "print MAE, RMSE and MAPE of each model and baseline.")

    @OptionGroup var series: SeriesOptions

    @Option(help: "End of training, start of the test (YYYY-MM-DD[THH:MM:SS], the series' clock).")
    var trainUntil: String

    @Option(help: "End of the test window.")
    var testUntil: String

    @Option(help: "Intervals forecast from each origin (96 = day-ahead at 15 minutes).")
    var horizon = 96

    @Option(help: "Intervals between forecast origins (96 = every midnight).")
    var originStride = 96

    @Option(help: "Refit the model every N days of the test (default: train once).")
    var refitEveryDays: Int?

    @Option(help: "Public holidays and shutdowns, comma-separated YYYY-MM-DD.")
    var holidays = ""

    @Option(help: "Weekend days, comma-separated, Monday = 0 ... Sunday = 6.")
    var weekendDays = "5,6"

    @Option(help: "Boosting rounds.")
    var rounds = LoadForecasterConfiguration().rounds

    @Option(help: "XGBoost objective (reg:squarederror, reg:absoluteerror, reg:pseudohubererror).")
    var objective = LoadForecasterConfiguration().objective

    @Flag(help: "Learn absolute energy instead of energy relative to the last week's mean.")
    var absoluteLevel = false

    @Flag(help: "Learn energy itself instead of its logarithm.")
    var linearTarget = false

    @Option(help: "Offset added before the logarithm of the target.")
    var logarithmOffset = LoadForecasterConfiguration().logarithmOffset

    @Option(help: "Training origins per day, from midnight.")
    var originsPerDay = LoadForecasterConfiguration().originsPerDay

    @Option(help: "Tree depth.")
    var maxDepth = LoadForecasterConfiguration().maxDepth

    @Option(help: "Learning rate.")
    var learningRate = LoadForecasterConfiguration().learningRate

    @Option(help: "Huber slope of reg:pseudohubererror (a share of the recent level unless --absolute-level).")
    var huberSlope = LoadForecasterConfiguration().huberSlope

    @Option(help: "Minimum hessian weight in a leaf.")
    var minChildWeight = LoadForecasterConfiguration().minChildWeight

    @Option(help: "Column share sampled per tree.")
    var columnSample = LoadForecasterConfiguration().columnSample

    @Option(help: "Days at the end of training held out to size the prediction intervals.")
    var calibrationDays = LoadForecasterConfiguration().calibrationDays

    @Flag(
        help: """
            Add the Korean industrial time-of-use tariff's price and day type (weekday, weekend, holiday) of each \
            interval as known-ahead features, computed from the calendar (times in the file are local).
            """)
    var koreanTariffCovariates = false

    func run() throws {
        var loaded = try LoadSeries(
            table: series.table(), timeColumn: series.timeColumn, valueColumn: series.valueColumn,
            knownAheadColumns: series.knownAheadColumns.split(separator: ",").map(String.init))
        if koreanTariffCovariates { loaded.knownAhead += TariffCovariates(tariff: .koreanIndustrial).columns(for: loaded) }
        let calendar = try ForecastCalendar(
            weekendDays: Set(weekendDays.split(separator: ",").compactMap { Int($0) }),
            holidayDates: holidays.split(separator: ",").map(String.init))
        let evaluation = RollingOriginEvaluation(
            series: loaded, trainUntilSeconds: try parseTime(trainUntil, option: "train-until"),
            testUntilSeconds: try parseTime(testUntil, option: "test-until"), horizon: horizon,
            originStride: originStride, refitEveryDays: refitEveryDays)
        var configuration = LoadForecasterConfiguration(maxHorizon: max(horizon, 1))
        configuration.rounds = rounds
        configuration.objective = objective
        configuration.relativeToRecentLevel = !absoluteLevel
        configuration.logarithmicTarget = !linearTarget
        configuration.logarithmOffset = logarithmOffset
        configuration.originsPerDay = originsPerDay
        configuration.maxDepth = maxDepth
        configuration.huberSlope = huberSlope
        configuration.minChildWeight = minChildWeight
        configuration.columnSample = columnSample
        configuration.calibrationDays = calibrationDays
        configuration.learningRate = learningRate
        let results = [
            try evaluation.evaluate(SeasonalNaiveForecaster(season: .day)),
            try evaluation.evaluate(SeasonalNaiveForecaster(season: .week)),
            try evaluation.evaluate(name: "gbt") { end throws(LearningError) in
                try LoadForecaster.train(on: loaded, until: end, calendar: calendar, configuration: configuration)
            },
        ]
        print("\(evaluation.origins.count) origins, \(horizon) intervals each, \(results[0].accuracy.count) scored")
        let reference = results[0].accuracy.meanAbsoluteError
        print(pad("model", 22) + pad("MAE", 10) + pad("RMSE", 10) + pad("MAPE %", 10) + pad("MAE/yday", 10)
            + pad("PI cover", 10) + "train s")
        for result in results {
            let accuracy = result.accuracy
            print(
                pad(result.name, 22) + pad(format(accuracy.meanAbsoluteError), 10)
                    + pad(format(accuracy.rootMeanSquaredError), 10) + pad(format(accuracy.meanAbsolutePercentageError), 10)
                    + pad(format(accuracy.meanAbsoluteError / reference, digits: 3), 10)
                    + pad(format(result.intervalCoverage, digits: 3), 10) + format(result.trainingSeconds, digits: 1))
        }
        if results[0].accuracy.percentageSkipped > 0 {
            print("MAPE leaves out \(results[0].accuracy.percentageSkipped) intervals whose actual value is zero.")
        }
    }
}

/// `value` right-padded with spaces to `width` characters.
func pad(_ value: String, _ width: Int) -> String {
    value.count >= width ? value + " " : value + String(repeating: " ", count: width - value.count)
}

/// A number with a fixed number of decimals, `-` when not a number.
func format(_ value: Double, digits: Int = 2) -> String {
    value.isNaN ? "-" : String(format: "%.\(digits)f", value)
}
