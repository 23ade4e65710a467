import Foundation
import Testing
import VoltlineAnalytics
import VoltlineDomain

@Suite("Battery segmenter")
struct BatterySegmenterTests {
    let t0 = TestSupport.epoch
    let limits = DeviceLimits(capacityAh: 100)

    /// Runs readings of one pack and returns every segment, flush included.
    private func segments(_ readings: [Reading], limits: DeviceLimits) -> [BatterySegment] {
        var segmenter = BatterySegmenter()
        return readings.flatMap { segmenter.ingest($0, limits: limits) } + segmenter.flush()
    }

    @Test("CC charge, rest, discharge: three segments with the right kinds and Ah; dead-band noise does not split")
    func chargeRestDischarge() throws {
        var random = SeededRandom(seed: 7)
        // 1 h at +50 A, 30 min rest, 1 h at -50 A; 1 s samples with ±0.5 A noise (dead band: 1 A).
        let readings = (0..<9000).map { second -> Reading in
            let base: Double = second < 3600 ? 50 : second < 5400 ? 0 : -50
            let noise = Double.random(in: -0.5...0.5, using: &random)
            return TestSupport.pack(at: t0 + Int64(second) * 1000, volts: 50 + base / 100, amps: base + noise, soc: 50)
        }
        let result = segments(readings, limits: limits)
        #expect(result.map(\.kind) == [.charge, .rest, .discharge])
        let charge = result[0]
        let rest = result[1]
        let discharge = result[2]
        #expect(abs(charge.ampHours - 50) < 0.05)
        #expect(abs(discharge.ampHours - 50) < 0.05)
        #expect(rest.ampHours < 0.5)
        #expect(charge.startMillis == t0 && charge.endMillis == t0 + 3_600_000 && rest.endMillis == t0 + 5_400_000)
        #expect(charge.durationSeconds == 3600)
        #expect(abs(charge.meanCurrentA - 50) < 0.05 && abs(discharge.meanCurrentA + 50) < 0.05)
        #expect(abs(try #require(charge.equivalentFullCycles) - 0.25) < 0.001)
    }

    @Test("a dip shorter than the minimum duration stays inside the segment")
    func hysteresis() {
        let readings = (0..<300).map { second -> Reading in
            let amps: Double = (100..<110).contains(second) ? 0 : -20
            return TestSupport.pack(at: t0 + Int64(second) * 1000, amps: amps)
        }
        let result = segments(readings, limits: limits)
        #expect(result.map(\.kind) == [.discharge])
        #expect(result.first?.sampleCount == 300)
    }

    @Test("NASA B0005 discharge cycle 1: Ah throughput within 2 % of the integrated capacity")
    func nasaDischarge() throws {
        guard let discharge = TestSupport.dataFile("battery-nasa/B0005_discharge.csv.gz"),
            let capacities = TestSupport.dataFile("battery-nasa/capacity_per_cycle.csv")
        else {
            print("skipped: ../shared/data/battery-nasa is absent")
            return
        }
        let capacityRow = try #require(
            try String(contentsOf: capacities, encoding: .utf8).split(whereSeparator: \.isNewline).first {
                $0.hasPrefix("B0005,1,")
            })
        let integratedAh = try #require(Double(capacityRow.split(separator: ",")[3]))
        let readings = try TestSupport.gunzip(discharge).split(whereSeparator: \.isNewline).dropFirst().compactMap {
            line -> Reading? in
            let columns = line.split(separator: ",").compactMap { Double($0) }
            guard columns.count >= 5, columns[0] == 1 else { return nil }
            return TestSupport.pack(
                "B0005", at: t0 + Int64((columns[1] * 1000).rounded()), volts: columns[2], amps: columns[3],
                celsius: columns[4])
        }
        #expect(readings.count > 100)
        let result = segments(readings, limits: DeviceLimits(capacityAh: 2))
        let discharges = result.filter { $0.kind == .discharge }
        #expect(discharges.count == 1)
        let segment = try #require(discharges.first)
        #expect(abs(segment.ampHours - integratedAh) / integratedAh < 0.02)
        #expect(segment.maxTemperatureC > segment.startTemperatureC && segment.temperatureRiseCPerMinute > 0)
        #expect(segment.minVoltageV < 3)
    }
}
