import Foundation
import Testing
import VoltlineScheduling

@Suite("Tariff periods and prices")
struct TariffTests {
    let tariff = Tariff.koreanIndustrial

    private func period(_ local: String) -> String {
        tariff.period(at: KoreanTime.date(local)).period
    }

    private func price(_ local: String) -> Double {
        tariff.period(at: KoreanTime.date(local)).pricePerKWh
    }

    @Test("winter hours: light 23–9, maximum 10–12, 17–20, 22–23, medium the rest")
    func winterBoundaries() {
        let expected: [(String, String)] = [
            ("08:45", "off-peak"), ("09:00", "shoulder"), ("09:45", "shoulder"), ("10:00", "peak"), ("11:45", "peak"),
            ("12:00", "shoulder"), ("16:45", "shoulder"), ("17:00", "peak"), ("19:45", "peak"), ("20:00", "shoulder"),
            ("21:45", "shoulder"), ("22:00", "peak"), ("22:45", "peak"), ("23:00", "off-peak"), ("00:00", "off-peak"),
        ]
        for (time, name) in expected {
            #expect(period("2018-01-09T\(time):00") == name, "at \(time)")
        }
    }

    @Test("March to October hours: maximum 10–12 and 13–17")
    func warmBoundaries() {
        let expected: [(String, String)] = [
            ("08:45", "off-peak"), ("09:00", "shoulder"), ("10:00", "peak"), ("12:00", "shoulder"), ("13:00", "peak"),
            ("16:45", "peak"), ("17:00", "shoulder"), ("22:00", "shoulder"), ("22:45", "shoulder"), ("23:00", "off-peak"),
        ]
        for (time, name) in expected {
            #expect(period("2018-07-10T\(time):00") == name, "at \(time)")
        }
    }

    @Test("the 2024-10-24 rates of industrial (gap) II high voltage A option I by season")
    func rates() {
        #expect(price("2018-07-10T03:00:00") == 95.7)
        #expect(price("2018-07-10T09:00:00") == 121.5)
        #expect(price("2018-07-10T10:00:00") == 155.0)
        #expect(price("2018-04-10T03:00:00") == 95.7)
        #expect(price("2018-04-10T09:00:00") == 100.5)
        #expect(price("2018-04-10T10:00:00") == 119.7)
        #expect(price("2018-12-11T03:00:00") == 103.1)
        #expect(price("2018-12-11T09:00:00") == 120.0)
        #expect(price("2018-12-11T10:00:00") == 149.4)
        #expect(tariff.demandCharges.map(\.ratePerKW) == [6_490])
        #expect(tariff.surchargePerKWh == 14)
    }

    @Test("seasons change at the local month boundary, not the UTC one")
    func seasonEdges() {
        #expect(period("2018-02-28T17:00:00") == "peak")
        #expect(period("2018-03-02T17:00:00") == "shoulder")
        // 2018-02-28T15:00Z is already 1 March 00:00 in Korea: spring price, not winter.
        let midnight = tariff.period(at: Date(timeIntervalSince1970: 1_519_830_000))
        #expect(midnight.season == "spring-autumn")
        #expect(midnight.pricePerKWh == 95.7)
        #expect(price("2018-02-28T23:45:00") == 103.1)
        #expect(price("2018-08-31T14:00:00") == 155.0)
        #expect(price("2018-09-01T14:00:00") == 119.7)
    }

    @Test("Sundays and holidays are light all day, Saturdays are not; the holiday calendar is editable")
    func sundaysAndHolidays() {
        #expect(tariff.period(at: KoreanTime.date("2018-01-14T10:00:00")).dayType == .weekend)
        #expect(period("2018-01-14T10:00:00") == "off-peak")
        #expect(period("2018-01-13T10:00:00") == "peak")
        #expect(tariff.period(at: KoreanTime.date("2018-01-01T10:00:00")).dayType == .holiday)
        #expect(period("2018-01-01T10:00:00") == "off-peak")
        #expect(period("2018-02-16T18:00:00") == "off-peak")  // Seollal

        var edited = tariff
        edited.holidays.remove("2018-01-01")
        edited.holidays.insert("2018-01-02")
        #expect(edited.period(at: KoreanTime.date("2018-01-01T10:00:00")).period == "peak")
        #expect(edited.period(at: KoreanTime.date("2018-01-02T10:00:00")).period == "off-peak")
        // A Sunday classified as a working day follows the weekday hours.
        #expect(tariff.period(at: KoreanTime.date("2018-01-14T10:00:00"), as: .weekday).period == "peak")
    }

    @Test("weekday-only windows leave weekends at the otherwise period, at the tariff's own UTC offset")
    func weekdayWindows() throws {
        let workdays = try Tariff(
            name: "weekday-peak", currency: "EUR", utcOffsetMinutes: 60,
            seasons: [
                TariffSeason(
                    name: "all-year", months: Set(1...12),
                    windows: [TariffWindow(period: "peak", fromHour: 8, toHour: 20, days: [.weekday])],
                    otherwise: "off-peak", prices: ["peak": 0.30, "off-peak": 0.20])
            ])
        // 2025-11-21 is a Friday; 22nd and 23rd are the weekend. Times are UTC; the tariff is at UTC+1.
        let friday = try #require(ISO8601DateFormatter().date(from: "2025-11-21T07:00:00Z"))
        #expect(workdays.period(at: friday).period == "peak")
        #expect(workdays.period(at: friday.addingTimeInterval(-60)).period == "off-peak")
        #expect(workdays.period(at: friday.addingTimeInterval(86_400)).period == "off-peak")
        #expect(workdays.period(at: friday.addingTimeInterval(3 * 86_400)).period == "peak")
    }

    @Test("the energy cost of a known series is the sum of energy times the price of each interval's period")
    func costOfSeries() {
        let series: [(String, Double)] = [
            ("2018-01-09T08:45:00", 10), ("2018-01-09T09:00:00", 20), ("2018-01-09T10:00:00", 30),
            ("2018-07-10T13:00:00", 40),
        ]
        let priced = series.map { tariff.price(energyKWh: $0.1, intervalStart: KoreanTime.date($0.0)) }
        #expect(priced.map(\.period) == ["off-peak", "shoulder", "peak", "peak"])
        let total = priced.reduce(0) { $0 + $1.cost }
        #expect(abs(total - (10 * 103.1 + 20 * 120.0 + 30 * 149.4 + 40 * 155.0)) < 1e-9)
    }
}
