import Foundation
import Testing
import VoltlineAnalytics
import VoltlineDomain

@Suite("Minute windows")
struct MinuteWindowsTests {
    let t0 = TestSupport.epoch

    @Test("exact count, min, mean, max and last; emitted only once the watermark passes the end")
    func statistics() throws {
        var windows = MinuteWindows(configuration: WindowConfiguration(allowedLatenessMillis: 30_000))
        for (second, kW) in [(0, 10.0), (15, 20), (30, 30), (45, 40)] {
            #expect(windows.ingest(TestSupport.machine(at: t0 + Int64(second) * 1000, kW: kW)).emitted.isEmpty)
        }
        // Watermark 89 s - 30 s = 59 s: the window [0, 60 s) is still open.
        #expect(windows.ingest(TestSupport.machine(at: t0 + 89_000, kW: 50)).emitted.isEmpty)
        let update = windows.ingest(TestSupport.machine(at: t0 + 90_000, kW: 50))
        #expect(update.disposition == .accepted)
        let feature = try #require(update.emitted.first)
        #expect(update.emitted.count == 1)
        #expect(feature.deviceID == "m1" && feature.kind == .machine && feature.windowStartMillis == t0)
        #expect(feature.sampleCount == 4)
        #expect(feature.machine?.powerKW == ValueSummary(min: 10, mean: 25, max: 40, last: 40))
        #expect(feature.coverage == 1)
        // Held values: 10, 20, 30, 40 kW for 15 s each = 1500 kW·s.
        #expect(abs(try #require(feature.machine?.energyKWh) - 1500.0 / 3600) < 1e-9)
        #expect(windows.ingest(TestSupport.machine(at: t0 + 95_000, kW: 50)).emitted.isEmpty)
    }

    @Test("out-of-order inside the lateness is merged; later readings come back late; duplicates are ignored")
    func lateAndDuplicates() throws {
        var windows = MinuteWindows()
        _ = windows.ingest(TestSupport.machine(at: t0 + 10_000, kW: 1))
        _ = windows.ingest(TestSupport.machine(at: t0 + 70_000, kW: 1))
        #expect(windows.ingest(TestSupport.machine(at: t0 + 5_000, kW: 7)).disposition == .accepted)
        #expect(windows.ingest(TestSupport.machine(at: t0 + 5_000, kW: 8)).disposition == .duplicate)
        let closing = windows.ingest(TestSupport.machine(at: t0 + 95_000, kW: 1))
        let feature = try #require(closing.emitted.first)
        #expect(feature.sampleCount == 2)
        #expect(feature.machine?.powerKW.max == 7)
        #expect(feature.machine?.powerKW.last == 1)
        let late = windows.ingest(TestSupport.machine(at: t0 + 59_000, kW: 3))
        #expect(late == WindowUpdate(disposition: .late, emitted: []))
    }

    @Test("a constant 60 kW for one minute is 1 kWh")
    func energyIntegration() throws {
        var windows = MinuteWindows()
        var emitted: [MinuteFeature] = []
        for second in 0..<120 {
            emitted += windows.ingest(TestSupport.machine(at: t0 + Int64(second) * 1000, kW: 60)).emitted
        }
        emitted += windows.flush()
        #expect(emitted.count == 2)
        let energy = try #require(emitted.first?.machine?.energyKWh)
        #expect(abs(energy - 1) < 0.01)
        #expect(emitted.first?.machine?.energySource == .integration)
        #expect(windows.openWindowCount == 0)
    }

    @Test("pack windows summarise voltage, current, temperature, SOC, cells and throughput")
    func packFeatures() throws {
        var windows = MinuteWindows()
        for second in stride(from: 0, to: 60, by: 10) {
            let reading = TestSupport.pack(
                at: t0 + Int64(second) * 1000, volts: 50, amps: -60, celsius: 25 + Double(second) / 10,
                soc: 80 - Double(second) / 60, cellMin: 3.30, cellMax: 3.30 + Double(second) / 1000)
            _ = windows.ingest(reading)
        }
        let feature = try #require(windows.flush().first)
        let pack = try #require(feature.pack)
        #expect(feature.kind == .batteryPack && feature.sampleCount == 6)
        #expect(pack.temperatureC == ValueSummary(min: 25, mean: 27.5, max: 30, last: 30))
        #expect(abs(try #require(pack.maxCellVoltageSpreadV) - 0.05) < 1e-9)
        #expect(abs(pack.dischargedAh - 1) < 1e-9)  // 60 A for one minute
        #expect(abs(pack.dischargedKWh - 0.05) < 1e-9)
        #expect(pack.chargedAh == 0)
        let decoded = try JSONDecoder().decode(MinuteFeature.self, from: JSONEncoder().encode(feature))
        #expect(decoded == feature)
    }
}
