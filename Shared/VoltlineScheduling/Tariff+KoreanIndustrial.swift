extension Tariff {
    /// Period names of the default tariff: KEPCO's light, medium and maximum load blocks.
    public enum KoreanPeriod {
        /// Light load (23:00–09:00).
        public static let offPeak = "off-peak"
        /// Medium load.
        public static let shoulder = "shoulder"
        /// Maximum load.
        public static let peak = "peak"
    }

    /// The default tariff, modelled on the Korean industrial time-of-use structure (KEPCO Industrial (B),
    /// high voltage A, option II) that the steel-plant data set follows, in KRW per kWh at Korean time.
    ///
    /// Light load (`off-peak`) 23:00–09:00 all year; maximum load (`peak`) 10–12 and 13–17 from March to
    /// October, 10–12, 17–20 and 22–23 from November to February; medium load (`shoulder`) the rest. Prices
    /// are plausible 2018 levels: summer (June–August) dearest at peak, winter (November–February) dearest
    /// off-peak. Saturdays and Sundays follow the same hours, as in the data; public holidays can be added as
    /// ``holidays`` (priced off-peak all day).
    public static var koreanIndustrial: Tariff {
        let light = TariffWindow(period: KoreanPeriod.offPeak, fromHour: 23, toHour: 9)
        let warmPeak = [(10, 12), (13, 17)].map { TariffWindow(period: KoreanPeriod.peak, fromHour: $0, toHour: $1) }
        let winterPeak = [(10, 12), (17, 20), (22, 23)].map {
            TariffWindow(period: KoreanPeriod.peak, fromHour: $0, toHour: $1)
        }
        func prices(_ offPeak: Double, _ shoulder: Double, _ peak: Double) -> [String: Double] {
            [KoreanPeriod.offPeak: offPeak, KoreanPeriod.shoulder: shoulder, KoreanPeriod.peak: peak]
        }
        do {
            return try Tariff(
                name: "kr-industrial-b-tou", currency: "KRW", utcOffsetMinutes: 9 * 60,
                seasons: [
                    TariffSeason(
                        name: "summer", months: [6, 7, 8], windows: [light] + warmPeak, otherwise: KoreanPeriod.shoulder,
                        prices: prices(56.1, 109.0, 191.1)),
                    TariffSeason(
                        name: "spring-autumn", months: [3, 4, 5, 9, 10], windows: [light] + warmPeak,
                        otherwise: KoreanPeriod.shoulder, prices: prices(56.1, 78.6, 109.3)),
                    TariffSeason(
                        name: "winter", months: [11, 12, 1, 2], windows: [light] + winterPeak,
                        otherwise: KoreanPeriod.shoulder, prices: prices(63.1, 109.2, 166.7)),
                ],
                holidayPeriod: KoreanPeriod.offPeak)
        } catch {
            fatalError("the built-in tariff is invalid: \(error)")  // a constant; its tests would fail first
        }
    }
}
