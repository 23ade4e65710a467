extension Tariff {
    /// Period names of the default tariff: KEPCO's light, medium and maximum load blocks.
    public enum KoreanPeriod {
        /// Light load (경부하): 23:00–09:00, and all day on Sundays and holidays.
        public static let offPeak = "off-peak"
        /// Medium load (중간부하).
        public static let shoulder = "shoulder"
        /// Maximum load (최대부하).
        public static let peak = "peak"
    }

    /// The default tariff: KEPCO industrial (갑) II, high voltage A, option I, rates effective 2024-10-24, in KRW at
    /// Korean time (UTC+9).
    ///
    /// Light load 23:00–09:00; maximum load 10–12 and 13–17 from March to October, 10–12, 17–20 and 22–23 from
    /// November to February; medium load the rest. Sundays and the Korean public holidays
    /// (``HolidayCalendar/koreanPublicHolidays``) are light load all day; Saturdays follow the weekday hours.
    /// Energy per kWh, summer (June–August) / spring–autumn / winter (November–February): light 95.7 / 95.7 /
    /// 103.1, medium 121.5 / 100.5 / 120.0, maximum 155.0 / 119.7 / 149.4. Demand charge 6,490 per kW of billed
    /// demand, ratcheted as KEPCO does (요금적용전력): at least the highest peak of the past 12 months' December–
    /// February and July–September. Surcharges: climate and environment charge 9.0 per kWh and fuel cost
    /// adjustment 5.0 per kWh (2024 levels); VAT and the power fund levy are left out.
    public static var koreanIndustrial: Tariff {
        typealias P = KoreanPeriod
        let workday: Set<DayType> = [.weekday]
        let restDay = TariffWindow(period: P.offPeak, fromHour: 0, toHour: 24, days: [.weekend, .holiday])
        let light = TariffWindow(period: P.offPeak, fromHour: 23, toHour: 9)
        let warmPeak = [(10, 12), (13, 17)].map {
            TariffWindow(period: P.peak, fromHour: $0, toHour: $1, days: workday)
        }
        let winterPeak = [(10, 12), (17, 20), (22, 23)].map {
            TariffWindow(period: P.peak, fromHour: $0, toHour: $1, days: workday)
        }
        func season(_ name: String, _ months: Set<Int>, _ peaks: [TariffWindow], _ prices: (Double, Double, Double))
            -> TariffSeason
        {
            TariffSeason(
                name: name, months: months, windows: [restDay, light] + peaks, otherwise: P.shoulder,
                prices: [P.offPeak: prices.0, P.shoulder: prices.1, P.peak: prices.2])
        }
        do {
            return try Tariff(
                name: "kr-industrial-gap2-hv-a-1", currency: "KRW", utcOffsetMinutes: 9 * 60,
                seasons: [
                    season("summer", [6, 7, 8], warmPeak, (95.7, 121.5, 155.0)),
                    season("spring-autumn", [3, 4, 5, 9, 10], warmPeak, (95.7, 100.5, 119.7)),
                    season("winter", [11, 12, 1, 2], winterPeak, (103.1, 120.0, 149.4)),
                ],
                weekendDays: [7], holidays: .koreanPublicHolidays,
                demandCharges: [
                    DemandCharge(
                        name: "basic", ratePerKW: 6_490,
                        ratchet: DemandRatchet(fraction: 1, lookbackMonths: 12, months: [12, 1, 2, 7, 8, 9]))
                ],
                surcharges: [
                    Surcharge(name: "climate-environment", perKWh: 9.0), Surcharge(name: "fuel-cost-adjustment", perKWh: 5.0),
                ])
        } catch {
            fatalError("the built-in tariff is invalid: \(error)")  // a constant; its tests would fail first
        }
    }
}
