/// The feature vector of one (forecast origin, horizon) pair: calendar, lag and rolling features that use
/// only intervals before the origin.
///
/// The design is direct multi-horizon: one model for every horizon, with the horizon and the target's time
/// of day among the features, and every lag taken from the latest day known at the origin. At an origin
/// of midnight, "same time yesterday" is known for the whole next day, but for the day after it is the
/// day before yesterday; ``dayLag(horizon:)`` picks that. No value at or after the origin is ever read:
/// ``value(_:)`` returns `nan` for it.
struct LoadFeatures {
    /// The feature names, in column order: first those of the target interval, then those of the origin (the
    /// same for every horizon); the series' known-ahead covariates at the target follow (``columnCount(_:)``).
    static let names = [
        "slot", "weekday", "workday", "holiday", "previous_day_workday", "horizon",
        "same_slot_latest_day", "latest_day_around_slot", "same_slot_last_week", "last_week_around_slot",
        "same_slot_two_weeks", "same_weekday_slot_mean4", "same_type_day_slot", "same_type_day_around_slot",
        "same_type_day_mean", "same_type_day_age", "latest_day_mean", "latest_day_workday", "same_slot_mean7",
        "same_slot_max7", "target_day_last_week_mean", "same_type_day_slot_share", "same_slot_median7",
        "latest_day_around_slot_median", "same_type_days_slot_median3",
        "last_value", "last_hour_mean", "last_day_mean", "last_day_max", "last_day_std", "last_week_mean",
    ] + (0..<24).map { "last_day_hour_\($0)_mean" }

    /// Columns that hold energy values (the rest are calendar, horizon, age and share features): these are
    /// divided by the recent level when the forecaster works relative to it.
    static let energyColumns: [Bool] = names.indices.map {
        !([0, 1, 2, 3, 4, 5, 15, 17, 21] as Set<Int>).contains($0)
    }

    /// Columns for a series with `covariates` known-ahead covariates.
    static func columnCount(covariates: Int) -> Int { names.count + covariates }

    /// Whether `column` holds an energy value; covariates do not.
    static func isEnergy(_ column: Int) -> Bool { column < names.count && energyColumns[column] }

    let series: LoadSeries
    let calendar: ForecastCalendar
    /// The first interval not known: the forecast is made at its start.
    let origin: Int
    /// The mean of the last seven days before the origin: the level relative forecasts are scaled by.
    let recentLevel: Double
    private let perDay: Int
    /// The features that depend on the origin only.
    private var originFeatures: [Double] = []

    init(series: LoadSeries, calendar: ForecastCalendar, origin: Int) {
        self.series = series
        self.calendar = calendar
        self.origin = origin
        let perDay = series.intervalsPerDay
        self.perDay = perDay
        self.recentLevel = Self.stats((origin - 7 * perDay..<origin).map { $0 < origin ? series[safe: $0] : .nan }).mean
        let lastDay = stats(origin - perDay..<origin)
        let perHour = max(1, perDay / 24)
        let hourly = (0..<24).map { hour in
            let start = origin - perDay + hour * perHour
            return stats(start..<(start + perHour)).mean
        }
        originFeatures = [
            value(origin - 1), mean(origin - 4...origin - 1), lastDay.mean, lastDay.max, lastDay.std, recentLevel,
        ] + hourly
    }

    /// The value of interval `index` when known at the origin, else `nan`.
    func value(_ index: Int) -> Double { index < origin ? series[safe: index] : .nan }

    /// Days to step back from a target `horizon` intervals ahead to reach a known interval at the same time
    /// of day: 1 within the first day after the origin, 2 within the second, ...
    func dayLag(horizon: Int) -> Int { (horizon - 1) / perDay + 1 }

    /// The features for the interval `horizon` (1-based) intervals after the origin.
    func row(horizon: Int) -> [Float] {
        let target = origin + horizon - 1
        let targetDay = day(of: target)
        let lag = dayLag(horizon: horizon)
        let latest = target - lag * perDay
        let sameType = latestSameTypeDay(as: targetDay, from: lag)
        let sameTypeIndex = sameType.map { target - $0 * perDay }
        let sameSlot = (lag..<(lag + 7)).map { value(target - $0 * perDay) }.filter { !$0.isNaN }
        let weekdaySlots = (1...4).map { value(target - 7 * $0 * perDay) }
        let sameTypeMean = sameTypeIndex.map { dayMean(containing: $0) } ?? .nan
        let sameTypeSlot = sameTypeIndex.map(value) ?? .nan
        let features: [Double] = [
            Double(slot(of: target)), Double(ForecastCalendar.weekday(ofDay: targetDay)),
            flag(calendar.isWorkday(targetDay)), flag(calendar.holidays.contains(targetDay)),
            flag(calendar.isWorkday(targetDay - 1)), Double(horizon),
            value(latest), mean(latest - 2...latest + 2),
            value(target - 7 * perDay), mean(target - 7 * perDay - 2...target - 7 * perDay + 2),
            value(target - 14 * perDay), nanMean(weekdaySlots),
            sameTypeSlot, sameTypeIndex.map { mean($0 - 2...$0 + 2) } ?? .nan,
            sameTypeMean, sameType.map(Double.init) ?? .nan, dayMean(containing: latest),
            flag(calendar.isWorkday(targetDay - lag)),
            nanMean(sameSlot), sameSlot.max() ?? .nan, dayMean(containing: target - 7 * perDay),
            sameTypeMean > 0 ? sameTypeSlot / sameTypeMean : .nan, median(sameSlot),
            median((latest - 4...latest + 4).map(value)), median(sameTypeDays(as: targetDay, from: lag, count: 3).map { value(target - $0 * perDay) }),
        ] + originFeatures + series.knownAhead(at: target)
        return features.map(Float.init)
    }

    private func day(of index: Int) -> Int { Int(series.time(at: index).floorDivided(by: 86_400)) }

    private func slot(of index: Int) -> Int {
        Int((series.time(at: index) - Int64(day(of: index)) * 86_400) / series.stepSeconds)
    }

    /// Days back (at least `minimumLag`) to the latest known day whose workday flag matches `day`'s.
    private func latestSameTypeDay(as day: Int, from minimumLag: Int) -> Int? {
        sameTypeDays(as: day, from: minimumLag, count: 1).first
    }

    /// Days back (at least `minimumLag`, at most three weeks) to the latest `count` days of `day`'s kind.
    private func sameTypeDays(as day: Int, from minimumLag: Int, count: Int) -> [Int] {
        let workday = calendar.isWorkday(day)
        return Array((minimumLag..<(minimumLag + 21)).lazy.filter { calendar.isWorkday(day - $0) == workday }.prefix(count))
    }

    private func median(_ values: [Double]) -> Double {
        let known = values.filter { !$0.isNaN }.sorted()
        guard !known.isEmpty else { return .nan }
        let middle = known.count / 2
        return known.count % 2 == 1 ? known[middle] : (known[middle - 1] + known[middle]) / 2
    }

    /// Mean of the known values of the whole day containing `index` (`nan` when any of it is unknown).
    private func dayMean(containing index: Int) -> Double {
        let start = index - slot(of: index)
        guard start + perDay <= origin else { return .nan }
        return stats(start..<(start + perDay)).mean
    }

    private func mean(_ range: ClosedRange<Int>) -> Double { nanMean(range.map(value)) }

    private func stats(_ range: Range<Int>) -> (mean: Double, max: Double, std: Double) {
        Self.stats(range.map(value))
    }

    private static func stats(_ values: [Double]) -> (mean: Double, max: Double, std: Double) {
        let known = values.filter { !$0.isNaN }
        guard !known.isEmpty else { return (.nan, .nan, .nan) }
        let mean = known.reduce(0, +) / Double(known.count)
        let variance = known.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(known.count)
        return (mean, known.max()!, variance.squareRoot())
    }

    private func nanMean(_ values: [Double]) -> Double {
        let known = values.filter { !$0.isNaN }
        return known.isEmpty ? .nan : known.reduce(0, +) / Double(known.count)
    }

    private func flag(_ value: Bool) -> Double { value ? 1 : 0 }
}
