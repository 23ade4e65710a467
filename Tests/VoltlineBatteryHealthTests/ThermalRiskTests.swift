import Testing
import VoltlineAnalytics
import VoltlineBatteryHealth
import VoltlineDomain

@Suite("Thermal-runaway risk")
struct ThermalRiskTests {
    let assessor = ThermalRiskAssessor()

    @Test("normal operation is normal")
    func normal() {
        let quiet = PackPrecursors(
            temperatureRiseCPerMinute: 0.4, restSelfHeatingCPerMinute: -0.05, restVoltageDropMVPerHour: 1,
            cellVoltageSpreadV: 0.02, cellTemperatureSpreadC: 2, overvoltageV: -0.05)
        #expect(assessor.assess(quiet).level == .normal)
        #expect(assessor.assess(quiet).findings.isEmpty)
    }

    @Test("the ladder: one sign warns, two signs are critical, two critical signs are danger")
    func ladder() {
        let heating = PackPrecursors(restSelfHeatingCPerMinute: 0.15)
        #expect(assessor.assess(heating).level == .warning)
        let heatingAndLeaking = PackPrecursors(restSelfHeatingCPerMinute: 0.15, restVoltageDropMVPerHour: 12)
        #expect(assessor.assess(heatingAndLeaking).level == .critical)
        let severe = PackPrecursors(restSelfHeatingCPerMinute: 0.3, restVoltageDropMVPerHour: 40)
        #expect(assessor.assess(severe).level == .danger)
        let runaway = PackPrecursors(temperatureRiseCPerMinute: 12)
        #expect(assessor.assess(runaway).level == .danger)
        #expect(assessor.assess(runaway).findings.first?.precursor == .temperatureRise)
    }

    @Test("the monitor finds heating and voltage loss at rest after settling, not before")
    func monitorAtRest() throws {
        var monitor = PackRiskMonitor()
        let limits = DeviceLimits(chemistry: .nmc, cellsInSeries: 1, capacityAh: 2.5)
        var last: (precursors: PackPrecursors, assessment: ThermalRiskAssessment)?
        // One hour at rest: a leak heats the cell 0.2 °C/min and drains 40 mV/h.
        for second in stride(from: 0, through: 3600, by: 10) {
            let minutes = Double(second) / 60
            let metrics = PackMetrics(
                voltageV: 4.0 - 0.04 * Double(second) / 3600, currentA: 0, temperatureC: 25 + 0.2 * minutes,
                cellVoltageMinV: 4.0 - 0.04 * Double(second) / 3600, cellVoltageMaxV: 4.0,
                cellTemperatureMinC: 25, cellTemperatureMaxC: 25 + 0.2 * minutes)
            last = monitor.ingest(deviceID: "p", timeMillis: Int64(second) * 1000, metrics: metrics, limits: limits)
            if second == 300 {
                #expect(last?.precursors.restSelfHeatingCPerMinute == nil)
            }
        }
        let final = try #require(last)
        #expect(abs(final.precursors.restSelfHeatingCPerMinute! - 0.2) < 1e-6)
        #expect(abs(final.precursors.restVoltageDropMVPerHour! - 40) < 1e-6)
        #expect(final.assessment.level == .danger)
    }
}

@Suite("Thermal-runaway risk across silences")
struct ThermalRiskGapTests {
    @Test("a jump across a silence is not read as a temperature rise")
    func gapRestartsHistory() throws {
        var monitor = PackRiskMonitor()
        let limits = DeviceLimits(chemistry: .nmc, cellsInSeries: 200, capacityAh: 50)
        func reading(_ second: Int, _ temperature: Double) -> ThermalRiskAssessment? {
            monitor.ingest(
                deviceID: "p", timeMillis: Int64(second) * 1000,
                metrics: PackMetrics(voltageV: 800, currentA: -20, temperatureC: temperature), limits: limits)?.assessment
        }
        for second in 0..<60 { _ = reading(second, 30) }
        #expect(reading(200, 60)?.level == .normal)
        // Without the silence the same climb is a fast rise: 30 °C in a minute.
        var steady = PackRiskMonitor()
        var last: ThermalRiskAssessment?
        for second in 0...120 {
            last = steady.ingest(
                deviceID: "p", timeMillis: Int64(second) * 1000,
                metrics: PackMetrics(voltageV: 800, currentA: -20, temperatureC: 30 + Double(max(0, second - 60)) / 2),
                limits: limits)?.assessment
        }
        #expect(last?.level == .danger)
        #expect(last?.findings.first?.precursor == .temperatureRise)
    }
}
