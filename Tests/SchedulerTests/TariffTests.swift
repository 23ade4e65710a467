import Foundation
import Testing
import VoltlineScheduling

@Suite("Tariff")
struct TariffTests {
    let tariff = Tariff.koreanIndustrial

    private func period(_ local: String) -> String {
        tariff.price(energyKWh: 1, intervalStart: KoreanTime.date(local)).period
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

    @Test("seasons change at the local month boundary, not the UTC one")
    func seasonEdges() {
        #expect(period("2018-02-28T17:00:00") == "peak")
        #expect(period("2018-03-01T17:00:00") == "shoulder")
        // 2018-02-28T15:00Z is already 1 March 00:00 in Korea: spring price, not winter.
        let midnight = tariff.price(energyKWh: 1, intervalStart: Date(timeIntervalSince1970: 1_519_830_000))
        #expect(midnight.period == "off-peak")
        #expect(midnight.pricePerKWh == 56.1)
        #expect(tariff.price(energyKWh: 1, intervalStart: KoreanTime.date("2018-02-28T23:45:00")).pricePerKWh == 63.1)
        #expect(tariff.price(energyKWh: 1, intervalStart: KoreanTime.date("2018-08-31T14:00:00")).pricePerKWh == 191.1)
        #expect(tariff.price(energyKWh: 1, intervalStart: KoreanTime.date("2018-09-01T14:00:00")).pricePerKWh == 109.3)
    }

    @Test("weekday-only windows leave weekends at the otherwise period; holidays are off-peak all day")
    func weekendsAndHolidays() throws {
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
        #expect(workdays.price(energyKWh: 1, intervalStart: friday).period == "peak")
        #expect(workdays.price(energyKWh: 1, intervalStart: friday.addingTimeInterval(-60)).period == "off-peak")
        #expect(workdays.price(energyKWh: 1, intervalStart: friday.addingTimeInterval(86_400)).period == "off-peak")
        #expect(workdays.price(energyKWh: 1, intervalStart: friday.addingTimeInterval(3 * 86_400)).period == "peak")

        var holidays = tariff
        holidays.holidays = ["2018-01-01"]
        #expect(holidays.price(energyKWh: 1, intervalStart: KoreanTime.date("2018-01-01T10:00:00")).period == "off-peak")
        #expect(holidays.price(energyKWh: 1, intervalStart: KoreanTime.date("2018-01-02T10:00:00")).period == "peak")
    }

    @Test("the cost of a known series is the sum of energy times the price of each interval's period")
    func costOfSeries() {
        let series: [(String, Double)] = [
            ("2018-01-09T08:45:00", 10), ("2018-01-09T09:00:00", 20), ("2018-01-09T10:00:00", 30),
            ("2018-07-10T13:00:00", 40),
        ]
        let priced = series.map { tariff.price(energyKWh: $0.1, intervalStart: KoreanTime.date($0.0)) }
        #expect(priced.map(\.period) == ["off-peak", "shoulder", "peak", "peak"])
        let total = priced.reduce(0) { $0 + $1.cost }
        #expect(abs(total - (10 * 63.1 + 20 * 109.2 + 30 * 166.7 + 40 * 191.1)) < 1e-9)
    }

    @Test("JSON round trip and validation of decoded definitions")
    func json() throws {
        let data = try JSONEncoder().encode(tariff)
        #expect(try JSONDecoder().decode(Tariff.self, from: data) == tariff)
        #expect(tariff.timeZoneName == "UTC+09:00")

        let missingMonth = """
            {"name":"x","currency":"EUR","seasons":[{"name":"s","months":[1,2,3],"windows":[],
             "otherwise":"flat","prices":{"flat":0.2}}]}
            """
        #expect(throws: TariffError.self) { try JSONDecoder().decode(Tariff.self, from: Data(missingMonth.utf8)) }
        let unpriced = """
            {"name":"x","currency":"EUR","seasons":[{"name":"s","months":[1,2,3,4,5,6,7,8,9,10,11,12],
             "windows":[{"period":"peak","from_hour":8,"to_hour":20}],"otherwise":"flat","prices":{"flat":0.2}}]}
            """
        #expect(throws: TariffError.self) { try JSONDecoder().decode(Tariff.self, from: Data(unpriced.utf8)) }
    }
}
