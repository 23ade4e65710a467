/// Energy per fixed interval (15 minutes for Voltline) of one machine, line or site, on a regular time grid.
///
/// Interval `i` starts at `startSeconds + i × stepSeconds`. A missing interval is `nan`; the forecaster
/// treats it as unknown rather than as zero.
public struct LoadSeries: Sendable, Hashable {
    /// Start of the first interval, seconds since the epoch (wall-clock time of the site when the calendar
    /// matters: see ``ForecastCalendar``).
    public let startSeconds: Int64
    /// Interval length in seconds.
    public let stepSeconds: Int64
    /// Energy per interval; `nan` where unknown.
    public internal(set) var values: [Double]
    /// Values known in advance for each interval, one array per covariate, as long as ``values`` or longer
    /// (into the future): the utility's time-of-use period, a production plan. Empty when there are none.
    public var knownAhead: [[Double]] = []

    /// Creates a series from values already on the grid.
    /// - Precondition: `stepSeconds` is positive and divides a day.
    public init(startSeconds: Int64, stepSeconds: Int64 = 900, values: [Double]) {
        precondition(stepSeconds > 0 && 86_400 % stepSeconds == 0, "the interval must divide a day")
        self.startSeconds = startSeconds
        self.stepSeconds = stepSeconds
        self.values = values
    }

    /// Places timestamped values on the grid of `stepSeconds` that starts at the earliest time; intervals
    /// with no value stay `nan`, a repeated interval keeps the last value.
    /// - Throws: ``LearningError`` when there are no values or a time is off the grid.
    public init(times: [Int64], values: [Double], stepSeconds: Int64 = 900) throws(LearningError) {
        guard let first = times.min(), let last = times.max() else {
            throw LearningError.notEnoughData("the series has no values")
        }
        guard stepSeconds > 0, 86_400 % stepSeconds == 0 else {
            throw LearningError.badInput("an interval of \(stepSeconds) s does not divide a day")
        }
        var grid = [Double](repeating: .nan, count: Int((last - first) / stepSeconds) + 1)
        for (time, value) in zip(times, values) {
            guard (time - first) % stepSeconds == 0 else {
                throw LearningError.badInput("time \(time) is not on the \(stepSeconds)-second grid from \(first)")
            }
            grid[Int((time - first) / stepSeconds)] = value
        }
        self.init(startSeconds: first, stepSeconds: stepSeconds, values: grid)
    }

    /// Intervals per day (96 for 15 minutes).
    public var intervalsPerDay: Int { Int(86_400 / stepSeconds) }

    /// Start of interval `index`, seconds since the epoch.
    public func time(at index: Int) -> Int64 { startSeconds + Int64(index) * stepSeconds }

    /// The index of the interval starting at `seconds` (rounded down onto the grid; may be out of range).
    public func index(at seconds: Int64) -> Int {
        Int((seconds - startSeconds).floorDivided(by: stepSeconds))
    }

    /// The value at `index`, or `nan` outside the series.
    public subscript(safe index: Int) -> Double {
        values.indices.contains(index) ? values[index] : .nan
    }

    /// The known-in-advance covariates at `index` (`nan` where not given).
    func knownAhead(at index: Int) -> [Double] {
        knownAhead.map { $0.indices.contains(index) ? $0[index] : .nan }
    }

    /// Appends values that follow the series' last interval (new data for a refit or the next forecast).
    public mutating func append(contentsOf newValues: [Double]) {
        values.append(contentsOf: newValues)
    }
}

extension Int64 {
    /// Division rounding toward minus infinity (times before the start index negatively).
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
