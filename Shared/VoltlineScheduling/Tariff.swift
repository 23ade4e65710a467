public import Foundation

/// A time-of-use energy tariff: prices per kWh by season (months), kind of day and hour of day.
///
/// Times are classified in the tariff's own local time (a fixed UTC offset); an interval belongs to the
/// period of its start. On the listed holidays every hour is in ``holidayPeriod`` when one is set.
/// The JSON form (snake_case keys) is what `tariffs.definition` stores:
///
/// ```json
/// {"name": "tou", "currency": "EUR", "utc_offset_minutes": 60, "holidays": ["2025-12-25"],
///  "holiday_period": "off-peak",
///  "seasons": [{"name": "all-year", "months": [1,2,3,4,5,6,7,8,9,10,11,12], "otherwise": "off-peak",
///               "windows": [{"period": "peak", "from_hour": 8, "to_hour": 20, "days": ["weekday"]}],
///               "prices": {"peak": 0.31, "off-peak": 0.18}}]}
/// ```
///
/// Every instance is valid: the initializers check that each month is in exactly one season, hours are in
/// range and each season prices every period it can yield.
public struct Tariff: Sendable, Hashable, Codable {
    /// The tariff's name, its key in `tariffs`.
    public let name: String
    /// ISO 4217 currency of the prices.
    public let currency: String
    /// The tariff's local time, as minutes east of UTC.
    public let utcOffsetMinutes: Int
    /// The seasons, covering the twelve months once each.
    public let seasons: [TariffSeason]
    /// Local dates (`YYYY-MM-DD`) priced entirely at ``holidayPeriod``; any set keeps the tariff valid.
    public var holidays: Set<String>
    /// The period of every hour of a holiday; `nil` prices holidays like other days.
    public let holidayPeriod: String?

    /// Creates and checks a tariff.
    /// - Throws: ``TariffError`` when a month is in no season or in two, an hour or offset is out of range, or a
    ///   season lacks the price of one of its periods.
    public init(
        name: String, currency: String, utcOffsetMinutes: Int, seasons: [TariffSeason], holidays: Set<String> = [],
        holidayPeriod: String? = nil
    ) throws(TariffError) {
        self.name = name
        self.currency = currency
        self.utcOffsetMinutes = utcOffsetMinutes
        self.seasons = seasons
        self.holidays = holidays
        self.holidayPeriod = holidayPeriod
        try validate()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            name: container.decode(String.self, forKey: .name),
            currency: container.decode(String.self, forKey: .currency),
            utcOffsetMinutes: container.decodeIfPresent(Int.self, forKey: .utcOffsetMinutes) ?? 0,
            seasons: container.decode([TariffSeason].self, forKey: .seasons),
            holidays: container.decodeIfPresent(Set<String>.self, forKey: .holidays) ?? [],
            holidayPeriod: container.decodeIfPresent(String.self, forKey: .holidayPeriod))
    }

    private enum CodingKeys: String, CodingKey {
        case name, currency, seasons, holidays
        case utcOffsetMinutes = "utc_offset_minutes"
        case holidayPeriod = "holiday_period"
    }

    /// The local time zone, as `UTC+09:00`, for the `tariffs.timezone` column.
    public var timeZoneName: String {
        let minutes = abs(utcOffsetMinutes)
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        return "UTC" + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// The period an instant falls in and its price.
    /// - Parameters:
    ///   - energyKWh: the energy of the interval starting at `start`.
    ///   - start: the start of the interval.
    public func price(energyKWh: Double, intervalStart start: Date) -> PricedEnergy {
        let local = localComponents(of: start)
        // Validation guarantees one season per month and a price per period.
        let season = seasons.first { $0.months.contains(local.month) }!
        let period: String
        if let holidayPeriod, holidays.contains(local.date) {
            period = holidayPeriod
        } else {
            period = season.period(hour: local.hour, on: local.day)
        }
        return PricedEnergy(period: period, pricePerKWh: season.prices[period]!, energyKWh: energyKWh)
    }

    /// Month, kind of day, hour and date of `instant` in the tariff's local time.
    private func localComponents(of instant: Date) -> (month: Int, day: DayType, hour: Int, date: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: utcOffsetMinutes * 60)!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: instant)
        let weekend = parts.weekday == 1 || parts.weekday == 7  // Sunday, Saturday
        let date = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        return (parts.month!, weekend ? .weekend : .weekday, parts.hour!, date)
    }

    private func validate() throws(TariffError) {
        guard (-14 * 60...14 * 60).contains(utcOffsetMinutes) else {
            throw TariffError("utc_offset_minutes \(utcOffsetMinutes) is outside ±14 hours")
        }
        for month in 1...12 {
            let count = seasons.filter { $0.months.contains(month) }.count
            guard count == 1 else { throw TariffError("month \(month) is in \(count) seasons, not exactly one") }
        }
        for season in seasons {
            if let invalid = season.months.first(where: { !(1...12).contains($0) }) {
                throw TariffError("season \(season.name) has month \(invalid)")
            }
            for window in season.windows where !(0...23).contains(window.fromHour) || !(0...24).contains(window.toHour) {
                throw TariffError("season \(season.name): window \(window.fromHour)–\(window.toHour) is out of range")
            }
            let periods = season.windows.map(\.period) + [season.otherwise] + (holidayPeriod.map { [$0] } ?? [])
            if let unpriced = periods.first(where: { season.prices[$0] == nil }) {
                throw TariffError("season \(season.name) has no price for period \(unpriced)")
            }
        }
    }
}
