import Foundation
import Testing
import VoltlineTestSupport

@testable import VoltlineLearning

/// The load forecaster on a slice of the real steel plant (`../shared/data/steel-plant`): two months of
/// training, two weeks of day-ahead forecasts.
@Suite struct LoadForecasterTests {
    static let configuration = LoadForecasterConfiguration(maxHorizon: 96, calibrationDays: 7, rounds: 120)

    /// March to mid-May 2018, with the utility's time-of-use period known ahead.
    static func springSeries() throws -> LoadSeries {
        let file = try RepositoryPaths.sharedData("steel-plant/steel_plant_2018_jan_sep.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        let spring = text.split(whereSeparator: \.isNewline).filter { $0.contains(",2018-03-") || $0.contains(",2018-04-") || $0.contains(",2018-05-0") || $0.contains(",2018-05-1") }
        let header = text.prefix { !$0.isNewline }
        let table = try DelimitedTable(text: ([header] + spring).joined(separator: "\n"))
        return try LoadSeries(
            table: table, timeColumn: "interval_start", valueColumn: "usage_kwh", knownAheadColumns: ["load_type"])
    }

    static let calendar = try! ForecastCalendar(holidayDates: ["2018-03-01", "2018-05-05", "2018-05-07"])

    @Test func beatsSameTimeYesterdayDayAhead() throws {
        let series = try Self.springSeries()
        #expect(series.values.count == 80 * 96)
        let evaluation = RollingOriginEvaluation(
            series: series, trainUntilSeconds: TimestampParser.seconds("2018-05-06")!,
            testUntilSeconds: TimestampParser.seconds("2018-05-20")!)
        #expect(evaluation.origins.count == 14)
        let yesterday = try evaluation.evaluate(SeasonalNaiveForecaster(season: .day))
        let model = try evaluation.evaluate(name: "gbt") { end throws(LearningError) in
            try LoadForecaster.train(on: series, until: end, calendar: Self.calendar, configuration: Self.configuration)
        }
        #expect(model.accuracy.count == 14 * 96)
        #expect(
            model.accuracy.meanAbsoluteError < 0.9 * yesterday.accuracy.meanAbsoluteError,
            "gbt \(model.accuracy.meanAbsoluteError), yesterday \(yesterday.accuracy.meanAbsoluteError)")
        #expect(model.intervalCoverage > 0.5)
    }

    @Test func aStoredForecasterForecastsTheSameAndCorruptBytesFail() throws {
        let series = try Self.springSeries()
        let until = TimestampParser.seconds("2018-04-20")!
        let forecaster = try LoadForecaster.train(
            on: series, until: until, calendar: Self.calendar, configuration: Self.configuration)
        let restored = try LoadForecaster(serialized: try forecaster.serialized())
        let origin = series.index(at: until)
        let forecast = try forecaster.forecast(series, origin: origin, horizon: 96)
        #expect(try restored.forecast(series, origin: origin, horizon: 96) == forecast)
        #expect(restored.trainingWindow == forecaster.trainingWindow)
        #expect(forecast.points.allSatisfy { $0.lower <= $0.value && $0.value <= $0.upper && $0.value >= 0 })
        #expect(forecast.points.first?.timeSeconds == until)
        let error = #expect(throws: LearningError.self) { try LoadForecaster(serialized: Array("not json".utf8)) }
        #expect(error?.isUnusableModel == true)
    }

    @Test func featuresNeverReadTheFuture() {
        var series = LoadSeries(startSeconds: 0, values: (0..<(30 * 96)).map { Double($0 % 96) })
        let origin = 20 * 96
        let before = LoadFeatures(series: series, calendar: ForecastCalendar(), origin: origin).row(horizon: 50)
        for index in origin..<series.values.count { series.values[index] = 1_000_000 }
        let after = LoadFeatures(series: series, calendar: ForecastCalendar(), origin: origin).row(horizon: 50)
        #expect(before.count == after.count)
        #expect(zip(before, after).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }
}

@Suite struct SeriesParsingTests {
    @Test func timestampsInTheFormsCSVFilesUse() {
        #expect(TimestampParser.seconds("2018-01-01T00:15:00") == 1_514_765_700)
        #expect(TimestampParser.seconds("2018-01-01 00:15:00Z") == 1_514_765_700)
        #expect(TimestampParser.seconds("2018-01-01") == 1_514_764_800)
        #expect(TimestampParser.seconds("1514765700000") == 1_514_765_700)
        #expect(TimestampParser.seconds("yesterday") == nil)
        #expect(ForecastCalendar.weekday(ofDay: 17_532) == 0)  // 2018-01-01 was a Monday
    }

    @Test func gapsBecomeMissingValuesOnTheGrid() throws {
        let table = try DelimitedTable(text: "timestamp,value\n2018-01-01T00:00:00,1\n2018-01-01T00:15:00,2\n2018-01-01T00:45:00,4\n")
        let series = try LoadSeries(table: table, timeColumn: "timestamp", valueColumn: "value")
        #expect(series.stepSeconds == 900)
        #expect(series.values.count == 4)
        #expect(series.values[2].isNaN)
        #expect(throws: LearningError.self) { try LoadSeries(table: table, timeColumn: "time", valueColumn: "value") }
    }
}
