/// The seasonal-naive baselines every load model has to beat: the value at the same time of day one day
/// (or one week) earlier.
///
/// "Same time yesterday" steps back as many whole days as needed to reach a known value, so beyond 24 hours
/// ahead it repeats the last known day. Its prediction interval is the point itself (no uncertainty model).
public struct SeasonalNaiveForecaster: LoadForecasting {
    /// How far back the copied value lies.
    public enum Season: String, Sendable, Hashable {
        /// Same time of day on the latest known day.
        case day
        /// Same time of day and weekday, one week earlier (or whole weeks back beyond a week).
        case week
    }

    /// The season copied.
    public let season: Season

    /// Creates a baseline.
    public init(season: Season) {
        self.season = season
    }

    public var name: String { season == .day ? "same-time-yesterday" : "same-time-last-week" }

    public func forecast(_ series: LoadSeries, origin: Int, horizon: Int) throws(LearningError) -> LoadForecast {
        let period = series.intervalsPerDay * (season == .day ? 1 : 7)
        let points = (1...max(1, horizon)).map { step in
            let target = origin + step - 1
            let back = ((step - 1) / period + 1) * period
            let value = series[safe: target - back]
            return LoadForecast.Point(
                timeSeconds: series.time(at: target), horizon: step, value: value, lower: value, upper: value)
        }
        return LoadForecast(originSeconds: series.time(at: origin), coverage: 0, points: points)
    }
}
