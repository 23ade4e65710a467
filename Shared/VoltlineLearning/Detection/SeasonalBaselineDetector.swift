/// A baseline per time of day and day of week, for machines that follow shifts: each value is compared
/// with what this slot of the week usually looks like (exponentially weighted mean and mean absolute
/// deviation per slot), so the Monday-morning start-up is normal and the same power at 3 a.m. Sunday is not.
public struct SeasonalBaselineDetector: Sendable, Codable, Hashable {
    /// Slot length in seconds (e.g. 3600 for hourly slots).
    public let slotSeconds: Int64
    /// Whether slots distinguish the day of the week (168 hourly slots) or only the time of day (24).
    public let byWeekday: Bool
    /// Weight of the newest value in its slot.
    public let alpha: Double
    /// Values a slot needs before it scores.
    public let warmUp: Int
    /// Smallest deviation used, in the series' unit.
    public let minimumDeviation: Double
    private var means: [Double]
    private var deviations: [Double]
    private var counts: [Int]

    /// Creates a detector with empty slots.
    public init(
        slotSeconds: Int64 = 3600, byWeekday: Bool = true, alpha: Double = 0.2, warmUp: Int = 3,
        minimumDeviation: Double = 1e-6
    ) {
        precondition(slotSeconds > 0 && 86_400 % slotSeconds == 0, "slots must divide a day")
        self.slotSeconds = slotSeconds
        self.byWeekday = byWeekday
        self.alpha = alpha
        self.warmUp = warmUp
        self.minimumDeviation = minimumDeviation
        let slots = Int(86_400 / slotSeconds) * (byWeekday ? 7 : 1)
        means = Array(repeating: 0, count: slots)
        deviations = Array(repeating: 0, count: slots)
        counts = Array(repeating: 0, count: slots)
    }

    /// The deviation of `value` at `timeSeconds` (site clock) from its slot's baseline, in robust standard
    /// deviations (nil while the slot warms up), then adds it to the slot.
    public mutating func observe(_ value: Double, atSeconds timeSeconds: Int64) -> Double? {
        guard value.isFinite else { return nil }
        let day = Int(timeSeconds.floorDivided(by: 86_400))
        let slotOfDay = Int((timeSeconds - Int64(day) * 86_400) / slotSeconds)
        let slot = slotOfDay + (byWeekday ? ForecastCalendar.weekday(ofDay: day) * Int(86_400 / slotSeconds) : 0)
        defer {
            if counts[slot] == 0 {
                means[slot] = value
            } else {
                deviations[slot] += alpha * (abs(value - means[slot]) - deviations[slot])
                means[slot] += alpha * (value - means[slot])
            }
            counts[slot] += 1
        }
        guard counts[slot] >= warmUp else { return nil }
        // 1.25 × mean absolute deviation estimates σ for normal data.
        return abs(value - means[slot]) / max(1.25 * deviations[slot], minimumDeviation)
    }
}
