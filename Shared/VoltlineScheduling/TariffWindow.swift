/// Hours of a day, on some kinds of day, that belong to one tariff period.
///
/// Hours are local wall-clock hours of the tariff: `fromHour` inclusive, `toHour` exclusive; a window with
/// `fromHour >= toHour` wraps past midnight (23 → 9 covers 23:00–08:59), and 0 → 24 is the whole day.
public struct TariffWindow: Sendable, Hashable, Codable {
    /// The period name, for example `peak`.
    public var period: String
    /// First hour of the window, 0–23.
    public var fromHour: Int
    /// Hour the window ends (exclusive), 0–24.
    public var toHour: Int
    /// The kinds of day the window applies to; all of them when omitted from JSON.
    public var days: Set<DayType>

    /// Creates a window.
    public init(period: String, fromHour: Int, toHour: Int, days: Set<DayType> = Set(DayType.allCases)) {
        self.period = period
        self.fromHour = fromHour
        self.toHour = toHour
        self.days = days
    }

    /// Whether the window covers `hour` on a day of type `day`.
    public func contains(hour: Int, on day: DayType) -> Bool {
        guard days.contains(day) else { return false }
        return fromHour < toHour ? (fromHour..<toHour).contains(hour) : hour >= fromHour || hour < toHour
    }

    private enum CodingKeys: String, CodingKey {
        case period
        case fromHour = "from_hour"
        case toHour = "to_hour"
        case days
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        period = try container.decode(String.self, forKey: .period)
        fromHour = try container.decode(Int.self, forKey: .fromHour)
        toHour = try container.decode(Int.self, forKey: .toHour)
        days = try container.decodeIfPresent(Set<DayType>.self, forKey: .days) ?? Set(DayType.allCases)
    }
}
