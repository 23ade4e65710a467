import Foundation
import Testing
import VoltlineAnalytics
import VoltlineBatteryHealth
import VoltlineDomain

@Suite("Charge features")
struct ChargeFeatureTests {
    @Test("coulomb counting integrates a constant current and a partial segment implies capacity")
    func coulombCounting() throws {
        let time = (0...3600).map(Double.init)
        let current = time.map { _ in 1.5 }
        #expect(abs(CoulombCounter.ampHours(timeSeconds: time, currentA: current) - 1.5) < 1e-9)
        // 1 Ah moved from 30 % to 80 % SOC: a 2 Ah cell.
        let capacity = try #require(CoulombCounter.capacityAh(ampHours: 1, startSOCPercent: 30, endSOCPercent: 80))
        #expect(abs(capacity - 2) < 1e-12)
        #expect(CoulombCounter.capacityAh(ampHours: 0.1, startSOCPercent: 50, endSOCPercent: 55) == nil)
    }

    @Test("a gap longer than the limit is not integrated")
    func gapSkipped() {
        let ah = CoulombCounter.ampHours(timeSeconds: [0, 10, 5000], currentA: [3.6, 3.6, 3.6])
        #expect(abs(ah - 0.01) < 1e-12)
    }

    @Test("internal resistance from a known current step")
    func resistanceFromStep() throws {
        // A 50 mΩ cell at 3.7 V: a step from 0 to 2 A raises the voltage by 0.1 V.
        let time: [Double] = [0, 1, 2, 3, 4]
        let current: [Double] = [0, 0, 2, 2, 2]
        let voltage = current.map { 3.7 + 0.05 * $0 }
        let resistance = try #require(
            InternalResistanceEstimator().resistanceOhm(timeSeconds: time, voltageV: voltage, currentA: current))
        #expect(abs(resistance - 0.05) < 1e-9)
    }

    @Test("dQ/dV peak sits where the synthetic charge curve is flattest")
    func incrementalCapacityPeak() throws {
        // Q(V) = logistic centred on 3.85 V, 1 Ah high, width 0.03 V: dQ/dV peaks at 3.85 V with 1/(4·0.03) Ah/V.
        let voltage = stride(from: 3.6, through: 4.2, by: 0.001).map { $0 }
        let charge = voltage.map { 1 / (1 + exp(-($0 - 3.85) / 0.03)) }
        let curve = IncrementalCapacity(voltageV: voltage, ampHours: charge, range: 3.6...4.2, smoothingBins: 1)
        let peak = try #require(curve.peakVoltageV)
        #expect(abs(peak - 3.85) <= 0.006)
        let height = try #require(curve.peakAmpHoursPerVolt)
        #expect(abs(height - 1 / (4 * 0.03)) / (1 / (4 * 0.03)) < 0.08)
    }

    @Test("a CC-CV charge splits at the CV level and the window counts its charge")
    func ccCvSplit() throws {
        // 1 A for 3600 s while the voltage climbs linearly 3.5 → 4.2 V, then 4.2 V while the current decays.
        var time: [Double] = []
        var voltage: [Double] = []
        var current: [Double] = []
        for second in 0...3600 {
            time.append(Double(second))
            voltage.append(3.5 + 0.7 * Double(second) / 3600)
            current.append(1)
        }
        for second in 1...1800 {
            time.append(3600 + Double(second))
            voltage.append(4.2)
            current.append(exp(-Double(second) / 300))
        }
        let charge = CycleRecording(
            cycle: 1, timeSeconds: time, voltageV: voltage, currentA: current,
            temperatureC: time.map { 25 + $0 / 600 })
        let features = try #require(ChargeFeatureExtractor().features(of: charge))
        #expect(abs(features.constantCurrentAh - 0.9857) < 0.002)  // until 4.19 V
        #expect(abs(features.windowAh! - (4.19 - 3.9) / 0.7) < 0.002)
        #expect(abs(features.chargedAh - (1 + 300.0 / 3600)) < 0.005)
        #expect(abs(features.temperatureRiseCPerMinute - 0.1) < 1e-6)
    }
}

@Suite("Streamed charge cycles")
struct ChargeCycleTests {
    @Test("the collector finds a streamed CC-CV charge and its feature message round-trips")
    func collectAndEncode() throws {
        var collector = ChargeCycleCollector()
        let limits = DeviceLimits(chemistry: .nmc, cellsInSeries: 2, capacityAh: 2)
        var cycles: [ChargeCycle] = []
        var chargedAh = 0.0
        // 10 min rest, 1 h charge at 1 A (cell 3.5 → 4.2 V), 30 min CV, 10 min rest; one reading every 10 s.
        for second in stride(from: 0, through: 7800, by: 10) {
            let (current, cell): (Double, Double) =
                switch second {
                case ..<600: (0, 3.5)
                case ..<4200: (1, 3.5 + 0.7 * Double(second - 600) / 3600)
                case ..<6000: (exp(-Double(second - 4200) / 300), 4.2)
                default: (0, 4.15)
                }
            let reading = Reading(
                deviceID: "pack-1", timeMillis: 1_700_000_000_000 + Int64(second) * 1000,
                metrics: .batteryPack(
                    PackMetrics(
                        voltageV: 2 * cell, currentA: current, temperatureC: 25,
                        stateOfChargePercent: 20 + chargedAh / 2 * 100)))
            cycles += collector.ingest(reading, limits: limits)
            chargedAh += current * 10 / 3600
        }
        let cycle = try #require(cycles.first)
        #expect(cycles.count == 1)
        #expect(abs(cycle.features.chargedAh - 1.08) < 0.02)
        #expect(abs(cycle.features.startVoltageV - 3.5) < 0.01)
        // The BMS's SOC moved by the charge over a 2 Ah capacity: the partial-segment estimate finds 2 Ah.
        #expect(abs(try #require(cycle.stateOfChargeCapacityAh) - 2) < 0.05)
        let decoded = try #require(ChargeCycle(featureMessage: cycle.featureMessage()))
        #expect(decoded == cycle)
        let text = String(decoding: cycle.featureMessage(), as: UTF8.self)
        #expect(text.contains(#""type":"cycle""#) && text.contains(#""device_id":"pack-1""#))
    }
}
