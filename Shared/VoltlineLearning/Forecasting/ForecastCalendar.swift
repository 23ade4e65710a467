/// The calendar of a site as a load forecast needs it: which days are weekends or public holidays.
///
/// Days are counted in the series' own clock (``LoadSeries`` times are the site's wall-clock time), so a
/// day starts at the site's midnight.
public struct ForecastCalendar: Sendable, Hashable, Codable {
    /// Days of the week without regular work, Monday = 0 ... Sunday = 6.
    public var weekendDays: Set<Int>
    /// Public holidays and planned shutdowns, as days since 1970-01-01.
    public var holidays: Set<Int>

    /// Creates a calendar; by default Saturday and Sunday are the weekend and no day is a holiday.
    public init(weekendDays: Set<Int> = [5, 6], holidays: Set<Int> = []) {
        self.weekendDays = weekendDays
        self.holidays = holidays
    }

    /// Creates a calendar with holidays given as `YYYY-MM-DD` dates.
    /// - Throws: ``LearningError`` for a date that is not `YYYY-MM-DD`.
    public init(weekendDays: Set<Int> = [5, 6], holidayDates: [String]) throws(LearningError) {
        var holidays = Set<Int>()
        for date in holidayDates {
            guard date.count == 10, let seconds = TimestampParser.seconds(Substring(date)) else {
                throw LearningError.badInput("holiday \"\(date)\" is not a YYYY-MM-DD date")
            }
            holidays.insert(Int(seconds / 86_400))
        }
        self.init(weekendDays: weekendDays, holidays: holidays)
    }

    /// Day of the week of `day` (days since the epoch), Monday = 0; 1970-01-01 was a Thursday.
    public static func weekday(ofDay day: Int) -> Int { ((day + 3) % 7 + 7) % 7 }

    /// Whether `day` is a regular working day (neither weekend nor holiday).
    public func isWorkday(_ day: Int) -> Bool {
        !weekendDays.contains(Self.weekday(ofDay: day)) && !holidays.contains(day)
    }
}
