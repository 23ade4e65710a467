/// Where an instant falls in a tariff: its local date, kind of day, season, period and energy price.
public struct TariffPeriod: Sendable, Hashable {
    /// The local date, `YYYY-MM-DD`.
    public var date: String
    /// The local month, 1–12.
    public var month: Int
    /// The local hour, 0–23.
    public var hour: Int
    /// The kind of day the date is billed as.
    public var dayType: DayType
    /// The season's name.
    public var season: String
    /// The period's name, for example `peak`.
    public var period: String
    /// The energy price of the period per kWh, surcharges excluded.
    public var pricePerKWh: Double
}
