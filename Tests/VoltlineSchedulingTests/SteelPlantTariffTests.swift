import Foundation
import Testing
import VoltlineScheduling

/// The default tariff against the time-of-use block the utility recorded for every interval of a real Korean
/// steel plant, January–September 2018, and the plant's bill under it.
@Suite("Steel plant under the Korean industrial tariff")
struct SteelPlantTariffTests {
    let series: SteelPlantSeries
    let tariff = Tariff.koreanIndustrial

    init() throws {
        series = try SteelPlantSeries()
    }

    @Test("every day follows the weekday time-of-use hours exactly or is light load all day")
    func everyRowExplained() throws {
        #expect(series.rows.count == 273 * 96)
        let days = Dictionary(grouping: series.rows, by: \.day)
        var allLight: [Substring] = []
        var unexplained: [Substring] = []
        for (day, rows) in days {
            let followsHours = rows.allSatisfy {
                SteelPlantSeries.periods[$0.loadType] == tariff.period(at: KoreanTime.date($0.start), as: .weekday).period
            }
            if rows.allSatisfy({ $0.loadType == "Light_Load" }) {
                allLight.append(day)
            } else if !followsHours {
                unexplained.append(day)
            }
        }
        #expect(unexplained.isEmpty, "days neither on the calendar nor light all day: \(unexplained.sorted())")
        // Why the light days are light: the calendar's Sundays and holidays, or plant days off.
        let kinds = Dictionary(grouping: allLight) { day in
            tariff.period(at: KoreanTime.date("\(day)T12:00:00")).dayType
        }.mapValues(\.count)
        #expect(allLight.count == 46)
        #expect(kinds[.weekend] == 24)  // Sundays
        #expect(kinds[.holiday] == 9)  // New Year, Seollal, Children's Day, Chuseok (one on a Sunday), substitute
        #expect(kinds[.weekday] == 13)  // shutdowns: Labour Day, early August, some Saturdays
    }

    @Test("monthly bills: energy and peaks as in the file, ratchet on the January peak, parts add up")
    func monthlyBills() throws {
        let bills = tariff.bills(for: series.intervals)
        #expect(bills.map(\.month) == (1...9).map { String(format: "2018-%02d", $0) })
        let january = try #require(bills.first)
        #expect(abs(january.energyKWh - 126_238.29) < 0.01)
        #expect(january.demand.first?.peakKW == 612.56)
        #expect(bills.map { $0.demand.first?.billedKW } == Array(repeating: 612.56, count: 9))
        #expect(bills[6].demand.first?.peakKW == 486.72)
        for bill in bills {
            let periods = bill.periods.reduce(0) { $0 + $1.energyKWh }
            #expect(abs(periods - bill.energyKWh) < 1e-6)
            #expect(abs(bill.total - bill.energyCost - 612.56 * 6_490 - 14 * bill.energyKWh) < 1e-6)
        }
        print(Self.table(bills))
    }

    /// The bills as a Markdown table, for the record.
    static func table(_ bills: [MonthlyBill]) -> String {
        var lines = ["| month | kWh | off-peak kWh | shoulder kWh | peak kWh | energy KRW | peak kW | billed kW | demand KRW | surcharges KRW | total KRW |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for bill in bills {
            let byPeriod = Dictionary(uniqueKeysWithValues: bill.periods.map { ($0.period, $0.energyKWh) })
            let demand = bill.demand.first
            lines.append(
                String(
                    format: "| %@ | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %.0f |", bill.month,
                    bill.energyKWh, byPeriod["off-peak"] ?? 0, byPeriod["shoulder"] ?? 0, byPeriod["peak"] ?? 0,
                    bill.energyCost, demand?.peakKW ?? 0, demand?.billedKW ?? 0, bill.demandCost, bill.surchargeCost,
                    bill.total))
        }
        return lines.joined(separator: "\n")
    }
}
