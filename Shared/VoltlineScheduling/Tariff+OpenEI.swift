public import Foundation

extension Tariff {
    /// Imports a rate from the OpenEI Utility Rate Database (URDB) JSON, as its API returns it (`{"items": [...]}`,
    /// the first item is used) or as a single rate object.
    ///
    /// Read: `energyratestructure` with `energyweekdayschedule` / `energyweekendschedule` (periods are named
    /// `period-0`, `period-1`, … after their URDB index; months with the same schedules and prices form one
    /// season), `flatdemandstructure` with `flatdemandmonths` (a flat demand charge per distinct rate),
    /// `demandratestructure` with `demandweekdayschedule` / `demandweekendschedule` (a time-of-use demand charge
    /// per period and group of months), `fixedchargefirstmeter` when billed in `$/month`, and
    /// `lookbackpercent` / `lookbackrange` as a ratchet on the flat demand charges. Each structure's first tier
    /// is used: this model has no consumption tiers. URDB weekend schedules apply to Saturdays, Sundays and the
    /// holidays that users add to the calendar.
    /// - Parameters:
    ///   - data: the URDB JSON.
    ///   - utcOffsetMinutes: the utility's local time (URDB gives none).
    ///   - currency: the currency of the prices (URDB rates are in US dollars).
    /// - Throws: `DecodingError` for JSON that is not a URDB rate, ``TariffError`` when the schedules are missing,
    ///   not 12 × 24, or name a period that has no price.
    public init(openEI data: Data, utcOffsetMinutes: Int, currency: String = "USD") throws {
        let rate = try JSONDecoder().decode(OpenEIDocument.self, from: data).rate
        guard let structure = rate.energyratestructure, let weekday = rate.energyweekdayschedule else {
            throw TariffError("the URDB rate has no energyratestructure or energyweekdayschedule")
        }
        let weekend = rate.energyweekendschedule ?? weekday
        let energyPrices = try Self.firstTierPrices(structure, name: "energyratestructure")
        let seasons = try Self.seasons(weekday: weekday, weekend: weekend, prices: energyPrices)

        var charges: [DemandCharge] = []
        let ratchet = rate.lookbackpercent.flatMap { percent in
            percent > 0 ? DemandRatchet(fraction: min(percent > 1 ? percent / 100 : percent, 1), lookbackMonths: rate.lookbackrange ?? 12) : nil
        }
        if let flat = rate.flatdemandstructure, let months = rate.flatdemandmonths {
            guard months.count == 12 else { throw TariffError("flatdemandmonths has \(months.count) entries, not 12") }
            let prices = try Self.firstTierPrices(flat, name: "flatdemandstructure")
            for (index, price) in prices.enumerated() {
                let covered = Set(months.indices.filter { months[$0] == index }.map { $0 + 1 })
                guard !covered.isEmpty, price > 0 else { continue }
                charges.append(DemandCharge(name: "flat-\(index)", ratePerKW: price, months: covered, ratchet: ratchet))
            }
        }
        if let tou = rate.demandratestructure, let demandWeekday = rate.demandweekdayschedule {
            let prices = try Self.firstTierPrices(tou, name: "demandratestructure")
            for season in try Self.seasons(
                weekday: demandWeekday, weekend: rate.demandweekendschedule ?? demandWeekday, prices: prices)
            {
                for (period, price) in season.prices.sorted(by: { $0.key < $1.key }) where price > 0 {
                    let windows = season.windows.filter { $0.period == period }
                    charges.append(
                        DemandCharge(
                            name: "\(season.name)-\(period)", ratePerKW: price, months: season.months, windows: windows))
                }
            }
        }
        let fixed = rate.fixedchargeunits == "$/month" ? (rate.fixedchargefirstmeter ?? 0) : 0
        try self.init(
            name: rate.name ?? rate.label ?? "openei", currency: currency, utcOffsetMinutes: utcOffsetMinutes,
            seasons: seasons, weekendDays: [6, 7], demandCharges: charges,
            surcharges: fixed > 0 ? [Surcharge(name: "fixed", fixedPerBill: fixed)] : [])
    }

    private static func firstTierPrices(_ structure: [[OpenEIRate.Tier]], name: String) throws(TariffError) -> [Double] {
        try structure.enumerated().map { (index, tiers) throws(TariffError) in
            guard let first = tiers.first else { throw TariffError("\(name) period \(index) has no tier") }
            return first.price
        }
    }

    /// Seasons from 12 × 24 weekday and weekend schedules: months with identical rows share a season; every hour
    /// is covered by a window (runs of one period), so `otherwise` is never used.
    private static func seasons(weekday: [[Int]], weekend: [[Int]], prices: [Double]) throws(TariffError) -> [TariffSeason] {
        guard weekday.count == 12, weekend.count == 12, (weekday + weekend).allSatisfy({ $0.count == 24 }) else {
            throw TariffError("URDB schedules must be 12 months × 24 hours")
        }
        var groups: [(key: [Int], months: Set<Int>)] = []
        for month in 0..<12 {
            let key = weekday[month] + weekend[month]
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].months.insert(month + 1)
            } else {
                groups.append((key, [month + 1]))
            }
        }
        return try groups.enumerated().map { (number, group) throws(TariffError) in
            let month = group.months.min()! - 1
            let windows = runs(of: weekday[month], days: [.weekday]) + runs(of: weekend[month], days: [.weekend, .holiday])
            var seasonPrices: [String: Double] = [:]
            for index in Set(group.key) {
                guard prices.indices.contains(index) else { throw TariffError("schedule names period \(index) without a price") }
                seasonPrices["period-\(index)"] = prices[index]
            }
            return TariffSeason(
                name: "season-\(number + 1)", months: group.months, windows: windows, otherwise: windows[0].period,
                prices: seasonPrices)
        }
    }

    /// Windows for each run of equal period indices in a 24-hour row.
    private static func runs(of row: [Int], days: Set<DayType>) -> [TariffWindow] {
        var windows: [TariffWindow] = []
        var start = 0
        for hour in 1...24 where hour == 24 || row[hour] != row[start] {
            windows.append(TariffWindow(period: "period-\(row[start])", fromHour: start, toHour: hour, days: days))
            start = hour
        }
        return windows
    }
}
