import Foundation
import Testing
import VoltlineScheduling

@Suite("Billing")
struct BillingTests {
    let tariff = Tariff.koreanIndustrial

    @Test("a bill splits energy by period and charges the month's highest 15-minute demand")
    func singleMonth() throws {
        let series = [
            MeteredInterval(start: KoreanTime.date("2018-01-09T03:00:00"), energyKWh: 100),  // 400 kW, off-peak
            MeteredInterval(start: KoreanTime.date("2018-01-09T10:00:00"), energyKWh: 50),  // peak
            MeteredInterval(start: KoreanTime.date("2018-01-09T12:00:00"), energyKWh: 20),  // shoulder
        ]
        let bill = try #require(tariff.bills(for: series).first)
        #expect(bill.month == "2018-01")
        #expect(bill.periods.map(\.period) == ["off-peak", "peak", "shoulder"])
        #expect(bill.periods.map(\.energyKWh) == [100, 50, 20])
        #expect(bill.demand.first?.peakKW == 400)
        #expect(bill.demand.first?.peakAt == "2018-01-09T03:00")
        let energy: Double = 100 * 103.1 + 50 * 149.4 + 20 * 120.0
        let expected: Double = energy + 400 * 6_490 + 170 * 14
        #expect(abs(bill.total - expected) < 1e-6)
    }

    @Test("the ratchet bills the highest December–February or July–September peak of the past 12 months")
    func ratchet() throws {
        let series = [
            MeteredInterval(start: KoreanTime.date("2018-08-07T03:00:00"), energyKWh: 250),  // 1,000 kW in August
            MeteredInterval(start: KoreanTime.date("2018-10-09T03:00:00"), energyKWh: 200),  // 800 kW in October
            MeteredInterval(start: KoreanTime.date("2018-11-06T03:00:00"), energyKWh: 100),  // 400 kW in November
        ]
        let bills = tariff.bills(for: series, priorPeaks: ["basic": ["2017-07-01": 5_000, "2017-06": 2_000]])
        #expect(bills.map { $0.demand[0].billedKW } == [1_000, 1_000, 1_000])
        // Only December–February and July–September peaks count: October and November 2017 do not.
        let withHistory = tariff.bills(for: series.suffix(2), priorPeaks: ["basic": ["2017-12": 1_200, "2017-10": 3_000]])
        #expect(withHistory.map { $0.demand[0].billedKW } == [1_200, 1_200])
        let later = tariff.bills(for: series.suffix(1), priorPeaks: ["basic": ["2017-11": 1_200, "2018-10": 3_000]])
        #expect(later.map { $0.demand[0].billedKW } == [400])
    }
}
