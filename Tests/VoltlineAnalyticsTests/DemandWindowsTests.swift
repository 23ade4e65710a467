import Foundation
import Testing
import VoltlineAnalytics
import VoltlineDomain

@Suite("15-minute demand windows")
struct DemandWindowsTests {
    let t0 = TestSupport.epoch

    /// Runs one machine's readings through fresh windows and returns every interval, flush included.
    private func intervals(_ readings: [Reading]) -> [DemandInterval] {
        var windows = DemandWindows()
        return readings.flatMap { windows.ingest($0).emitted } + windows.flush()
    }

    @Test("a constant 100 kW for an hour is four intervals of 25 kWh and 100 kW, by counter and by power")
    func constantLoad() {
        let seconds = 0..<3600
        let byPower = intervals(seconds.map { TestSupport.machine(at: t0 + Int64($0) * 1000, kW: 100) })
        let byCounter = intervals(
            seconds.map { TestSupport.machine(at: t0 + Int64($0) * 1000, kW: 100, counter: 500 + Double($0) / 36) })
        for (result, source) in [(byPower, EnergySource.integration), (byCounter, .counter)] {
            #expect(result.map(\.intervalStartMillis) == (0..<4).map { t0 + Int64($0) * 900_000 })
            for interval in result {
                #expect(abs(interval.energyKWh - 25) < 1e-6)
                #expect(abs(interval.demandKW - 100) < 1e-6)
                #expect(interval.peakKW == 100 && interval.sampleCount == 900 && interval.completeness == 1)
                #expect(interval.energySource == source)
            }
        }
    }

    @Test("a counter that resets falls back to power integration")
    func counterReset() throws {
        let readings = (0..<900).map {
            TestSupport.machine(at: t0 + Int64($0) * 1000, kW: 40, counter: $0 == 450 ? 0 : 1000 + Double($0) / 90)
        }
        let interval = try #require(intervals(readings).first)
        #expect(interval.energySource == .integration)
        #expect(abs(interval.energyKWh - 10) < 1e-6)
    }

    @Test("reproduces the steel plant's 15-minute usage from a synthetic 1 s power stream")
    func steelPlant() throws {
        guard let url = TestSupport.dataFile("steel-plant/steel_plant_2018_jan_sep.csv") else {
            print("skipped: ../shared/data/steel-plant/steel_plant_2018_jan_sep.csv is absent")
            return
        }
        let rows = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().prefix(2 * 96)
        let parser = Date.ISO8601FormatStyle()
        var expected: [Int64: Double] = [:]
        var readings: [Reading] = []
        var counter = 0.0
        for row in rows {
            let columns = row.split(separator: ",", omittingEmptySubsequences: false)
            let start = Int64(try parser.parse(columns[1] + "Z").timeIntervalSince1970 * 1000)
            let usage = try #require(Double(columns[2]))
            expected[start] = usage
            for second in 0..<900 {
                readings.append(TestSupport.machine("plant", at: start + Int64(second) * 1000, kW: usage * 4, counter: counter))
                counter += usage / 900
            }
        }
        let result = intervals(readings)
        #expect(result.count == rows.count)
        for interval in result {
            let usage = try #require(expected[interval.intervalStartMillis])
            #expect(abs(interval.energyKWh - usage) <= 0.005 * usage + 1e-9, "interval \(interval.intervalStartMillis)")
        }
    }
}
