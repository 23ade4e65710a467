/// The part of a year (a set of months) with its own time-of-use windows and prices.
public struct TariffSeason: Sendable, Hashable, Codable {
    /// A name for people, for example `summer`.
    public var name: String
    /// The months (1–12) of the season.
    public var months: Set<Int>
    /// Time-of-use windows; the first window containing an hour decides its period.
    public var windows: [TariffWindow]
    /// The period of every hour no window covers.
    public var otherwise: String
    /// Price per kWh of each period in this season, in the tariff's currency.
    public var prices: [String: Double]

    /// Creates a season.
    public init(name: String, months: Set<Int>, windows: [TariffWindow], otherwise: String, prices: [String: Double]) {
        self.name = name
        self.months = months
        self.windows = windows
        self.otherwise = otherwise
        self.prices = prices
    }

    /// The period of `hour` on a day of type `day`.
    public func period(hour: Int, on day: DayType) -> String {
        windows.first { $0.contains(hour: hour, on: day) }?.period ?? otherwise
    }
}
