/// When a machine's shifts run: working hours per weekday in local time at a fixed UTC offset.
public struct ShiftSchedule: Sendable, Hashable {
    /// Working periods per weekday, as minutes since local midnight (`360..<1320` is 06:00–22:00).
    /// Days without an entry are off.
    public var shifts: [Weekday: [Range<Int>]]
    /// The site's offset from UTC in seconds (3600 for CET); there is no daylight-saving switch.
    public var utcOffsetSeconds: Int

    /// Creates a schedule.
    public init(shifts: [Weekday: [Range<Int>]], utcOffsetSeconds: Int = 0) {
        self.shifts = shifts
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Two shifts 06:00–22:00 Monday to Friday, one reduced shift 06:00–14:00 on Saturday, Sunday off.
    public static func twoShiftWeek(utcOffsetSeconds: Int = 0) -> ShiftSchedule {
        let weekday = [6 * 60..<14 * 60, 14 * 60..<22 * 60]
        return ShiftSchedule(
            shifts: [
                .monday: weekday, .tuesday: weekday, .wednesday: weekday, .thursday: weekday, .friday: weekday,
                .saturday: [6 * 60..<14 * 60],
            ],
            utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Whether a shift is running at `timeMillis` (milliseconds since the Unix epoch, UTC).
    public func isOnShift(atMillis timeMillis: Int64) -> Bool {
        let dayMillis: Int64 = 86_400_000
        let local = timeMillis + Int64(utcOffsetSeconds) * 1000
        let (day, millisOfDay) = local.quotientAndRemainder(dividingBy: dayMillis)
        // Before 1970 the remainder is negative: borrow a day.
        let (dayIndex, minute) =
            millisOfDay < 0 ? (day - 1, (millisOfDay + dayMillis) / 60_000) : (day, millisOfDay / 60_000)
        let periods = shifts[Weekday(daysSinceEpoch: dayIndex)] ?? []
        return periods.contains { $0.contains(Int(minute)) }
    }
}
