public import Foundation

/// A time-of-use electricity tariff: energy prices by season, kind of day and hour; demand charges on the
/// highest 15-minute demand of each billing month (optionally ratcheted on past peaks); and surcharges.
///
/// Times are classified in the tariff's own local time (a fixed UTC offset); an interval belongs to the
/// period of its start. The JSON form is documented in `docs/TARIFFS.md`; it is what `tariffs.definition`
/// stores. Read and write it with ``init(jsonData:)`` and ``jsonData()``, which use the format's own
/// snake_case keys whatever key strategy a caller's coder has.
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
    /// ISO weekdays (1 = Monday … 7 = Sunday) billed as ``DayType/weekend``; any set keeps the tariff valid.
    public var weekendDays: Set<Int>
    /// Dates billed as ``DayType/holiday``; users edit it freely.
    public var holidays: HolidayCalendar
    /// Demand charges, each on its own peak.
    public let demandCharges: [DemandCharge]
    /// Charges added to every monthly bill.
    public let surcharges: [Surcharge]

    /// Creates and checks a tariff.
    /// - Throws: ``TariffError`` when a month is in no season or in two, an hour, offset or rate is out of range,
    ///   or a season lacks the price of one of its periods.
    public init(
        name: String, currency: String, utcOffsetMinutes: Int, seasons: [TariffSeason], weekendDays: Set<Int> = [6, 7],
        holidays: HolidayCalendar = [], demandCharges: [DemandCharge] = [], surcharges: [Surcharge] = []
    ) throws(TariffError) {
        self.name = name
        self.currency = currency
        self.utcOffsetMinutes = utcOffsetMinutes
        self.seasons = seasons
        self.weekendDays = weekendDays
        self.holidays = holidays
        self.demandCharges = demandCharges
        self.surcharges = surcharges
        try validate()
    }

    /// The local time zone, as `UTC+09:00`, for the `tariffs.timezone` column.
    public var timeZoneName: String {
        let minutes = abs(utcOffsetMinutes)
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        return "UTC" + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    /// The period an instant falls in.
    /// - Parameters:
    ///   - instant: the start of an interval.
    ///   - dayType: the kind of day to classify it as; `nil` uses the calendar (holidays, weekend days).
    public func period(at instant: Date, as dayType: DayType? = nil) -> TariffPeriod {
        period(at: LocalTime(instant, utcOffsetMinutes: utcOffsetMinutes), as: dayType)
    }

    /// The energy of the interval starting at `start`, priced at its period (surcharges excluded).
    public func price(energyKWh: Double, intervalStart start: Date) -> PricedEnergy {
        let found = period(at: start)
        return PricedEnergy(period: found.period, pricePerKWh: found.pricePerKWh, energyKWh: energyKWh)
    }

    /// The sum of the per-kWh surcharges.
    public var surchargePerKWh: Double { surcharges.reduce(0) { $0 + $1.perKWh } }

    func period(at local: LocalTime, as dayType: DayType? = nil) -> TariffPeriod {
        let day = dayType ?? self.dayType(of: local)
        // Validation guarantees one season per month and a price per period.
        let season = seasons.first { $0.months.contains(local.month) }!
        let name = season.period(hour: local.hour, on: day)
        return TariffPeriod(
            date: local.date, month: local.month, hour: local.hour, dayType: day, season: season.name, period: name,
            pricePerKWh: season.prices[name]!)
    }

    func dayType(of local: LocalTime) -> DayType {
        if holidays.contains(local.date) { return .holiday }
        return weekendDays.contains(local.isoWeekday) ? .weekend : .weekday
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
            try Self.validate(season.windows, in: "season \(season.name)")
            let periods = season.windows.map(\.period) + [season.otherwise]
            if let unpriced = periods.first(where: { season.prices[$0] == nil }) {
                throw TariffError("season \(season.name) has no price for period \(unpriced)")
            }
        }
        for charge in demandCharges {
            guard charge.ratePerKW >= 0, charge.ratePerKW.isFinite else {
                throw TariffError("demand charge \(charge.name) has rate \(charge.ratePerKW)")
            }
            try Self.validate(charge.windows, in: "demand charge \(charge.name)")
            if let ratchet = charge.ratchet, !(0...1).contains(ratchet.fraction) || ratchet.lookbackMonths < 1 {
                throw TariffError("demand charge \(charge.name): ratchet needs a fraction in 0…1 and lookback ≥ 1")
            }
        }
    }

    private static func validate(_ windows: [TariffWindow], in owner: String) throws(TariffError) {
        for window in windows where !(0...23).contains(window.fromHour) || !(0...24).contains(window.toHour) {
            throw TariffError("\(owner): window \(window.fromHour)–\(window.toHour) is out of range")
        }
    }
}
