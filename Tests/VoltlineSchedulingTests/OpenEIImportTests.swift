import Foundation
import Testing
import VoltlineScheduling

@Suite("OpenEI URDB import")
struct OpenEIImportTests {
    /// A two-season URDB rate: summer (June–September) weekdays 12–18 on peak, otherwise off-peak; flat demand
    /// charges by season, a summer on-peak demand charge, a monthly fixed charge and a 80 % ratchet.
    static let rate: String = {
        let offPeakDay = Array(repeating: 0, count: 24)
        let summerDay = (0..<24).map { (12..<18).contains($0) ? 1 : 0 }
        let weekday = (1...12).map { (6...9).contains($0) ? summerDay : offPeakDay }
        let weekend = Array(repeating: offPeakDay, count: 12)
        let demandWeekday = (1...12).map { (6...9).contains($0) ? summerDay.map { $0 == 1 ? 1 : 0 } : offPeakDay }
        func json(_ value: [[Int]]) -> String { "[" + value.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",") + "]" }
        return """
            {"items": [{"name": "Example TOU-GS", "utility": "Example Electric",
              "energyratestructure": [[{"rate": 0.08, "adj": 0.01, "unit": "kWh"}], [{"rate": 0.20, "unit": "kWh"}, {"max": 1000, "rate": 0.3}]],
              "energyweekdayschedule": \(json(weekday)), "energyweekendschedule": \(json(weekend)),
              "flatdemandstructure": [[{"rate": 5.0}], [{"rate": 9.0}]],
              "flatdemandmonths": [0,0,0,0,0,1,1,1,1,0,0,0],
              "demandratestructure": [[{"rate": 0}], [{"rate": 12.5}]],
              "demandweekdayschedule": \(json(demandWeekday)), "demandweekendschedule": \(json(weekend)),
              "fixedchargefirstmeter": 25.0, "fixedchargeunits": "$/month",
              "lookbackpercent": 80, "lookbackrange": 11}]}
            """
    }()

    @Test("energy periods, seasons, weekends, demand charges, fixed charge and ratchet are imported")
    func importsRate() throws {
        let tariff = try Tariff(openEI: Data(Self.rate.utf8), utcOffsetMinutes: -300)
        #expect(tariff.name == "Example TOU-GS")
        #expect(tariff.currency == "USD")
        #expect(tariff.seasons.count == 2)
        // 2025-07-15 is a Tuesday; 12:00 local (UTC-5) is 17:00Z.
        let summerNoon = try #require(ISO8601DateFormatter().date(from: "2025-07-15T17:00:00Z"))
        #expect(tariff.period(at: summerNoon).period == "period-1")
        #expect(tariff.period(at: summerNoon).pricePerKWh == 0.20)
        #expect(tariff.period(at: summerNoon.addingTimeInterval(-3600)).pricePerKWh == 0.09)
        #expect(tariff.period(at: summerNoon.addingTimeInterval(4 * 86_400)).period == "period-0")  // Saturday
        let january = try #require(ISO8601DateFormatter().date(from: "2025-01-14T17:00:00Z"))
        #expect(tariff.period(at: january).period == "period-0")

        let flat = tariff.demandCharges.filter { $0.windows.isEmpty }
        #expect(flat.map(\.ratePerKW) == [5, 9])
        #expect(flat.map(\.months) == [[1, 2, 3, 4, 5, 10, 11, 12], [6, 7, 8, 9]])
        #expect(flat.allSatisfy { $0.ratchet == DemandRatchet(fraction: 0.8, lookbackMonths: 11) })
        let onPeak = try #require(tariff.demandCharges.first { !$0.windows.isEmpty })
        #expect(onPeak.ratePerKW == 12.5)
        #expect(onPeak.months == [6, 7, 8, 9])
        #expect(onPeak.covers(month: 7, hour: 13, on: .weekday))
        #expect(!onPeak.covers(month: 7, hour: 19, on: .weekday))
        #expect(tariff.surcharges == [Surcharge(name: "fixed", fixedPerBill: 25)])
    }

    @Test("a bill under the imported rate adds the on-peak demand charge to the flat one")
    func billsImportedRate() throws {
        let tariff = try Tariff(openEI: Data(Self.rate.utf8), utcOffsetMinutes: -300)
        let noon = try #require(ISO8601DateFormatter().date(from: "2025-07-15T17:00:00Z"))
        let series = [
            MeteredInterval(start: noon, energyKWh: 25),  // 100 kW on peak
            MeteredInterval(start: noon.addingTimeInterval(-6 * 3600), energyKWh: 50),  // 200 kW off peak
        ]
        let bill = try #require(tariff.bills(for: series).first)
        #expect(bill.demand.map(\.peakKW) == [200, 100])
        #expect(abs(bill.total - (25 * 0.20 + 50 * 0.09 + 200 * 9 + 100 * 12.5 + 25)) < 1e-9)
    }

    @Test("schedules that are not 12 × 24 are refused")
    func refusesMalformedSchedule() {
        let bad = #"{"energyratestructure": [[{"rate": 0.1}]], "energyweekdayschedule": [[0, 0]]}"#
        #expect(throws: TariffError.self) { try Tariff(openEI: Data(bad.utf8), utcOffsetMinutes: 0) }
    }
}
