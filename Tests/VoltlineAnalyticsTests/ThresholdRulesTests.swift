import Foundation
import Testing
import VoltlineAnalytics
import VoltlineDomain

@Suite("Threshold rules")
struct ThresholdRulesTests {
    let rules = ThresholdRules()

    /// The level of `ruleID` on `reading`, normal when it does not fire.
    private func level(_ ruleID: String, _ reading: Reading, _ limits: DeviceLimits = DeviceLimits()) -> RiskLevel {
        rules.evaluate(reading, limits: limits).first { $0.ruleID == ruleID }?.level ?? .normal
    }

    private func pack(amps: Double = 0, celsius: Double = 25, soc: Double? = nil, cellMax: Double? = nil) -> Reading {
        TestSupport.pack(at: 0, volts: 50, amps: amps, celsius: celsius, soc: soc, cellMin: 3.2, cellMax: cellMax)
    }

    @Test("temperature: warning at 45, critical at 55, danger at 60 °C, not below")
    func temperature() {
        let expected: [(Double, RiskLevel)] = [
            (44.9, .normal), (45, .warning), (54.9, .warning), (55, .critical), (59.9, .critical), (60, .danger),
        ]
        for (celsius, want) in expected {
            #expect(level(RuleID.overTemperature, pack(celsius: celsius)) == want, "\(celsius) °C")
        }
    }

    @Test("state of charge: warning below 20 %, critical below 10 %")
    func stateOfCharge() {
        let expected: [(Double, RiskLevel)] = [(20, .normal), (19.9, .warning), (10, .warning), (9.9, .critical)]
        for (soc, want) in expected {
            #expect(level(RuleID.lowSOC, pack(soc: soc)) == want, "\(soc) %")
        }
    }

    @Test("cell overvoltage follows the chemistry: 4.2 V for NMC, 3.65 V for LFP")
    func cellWindows() {
        let nmc = DeviceLimits(chemistry: .nmc)
        let lfp = DeviceLimits(chemistry: .lfp)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 4.2), nmc) == .normal)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 4.215), nmc) == .normal, "within the 20 mV margin")
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 4.221), nmc) == .warning)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 3.7), nmc) == .normal)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 3.65), lfp) == .normal)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 3.69), lfp) == .warning)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 3.71), lfp) == .critical)
        #expect(level(RuleID.cellOvervoltage, pack(cellMax: 3.85), lfp) == .danger)
        // No cell voltages: pack voltage / cells in series (50 V / 12 = 4.17 V is fine for NMC, not for LFP).
        let packOnly = TestSupport.pack(at: 0, volts: 50, amps: 0)
        #expect(level(RuleID.cellOvervoltage, packOnly, DeviceLimits(chemistry: .nmc, cellsInSeries: 12)) == .normal)
        #expect(level(RuleID.cellOvervoltage, packOnly, DeviceLimits(chemistry: .lfp, cellsInSeries: 12)) == .danger)
        #expect(level(RuleID.cellOvervoltage, packOnly) == .normal)
        #expect(level(RuleID.cellUndervoltage, packOnly, DeviceLimits(chemistry: .nmc, cellsInSeries: 20)) == .critical)
    }

    @Test("over-current from max C-rate × capacity, both directions; skipped without a capacity")
    func overCurrent() {
        let limits = DeviceLimits(capacityAh: 100, maxCRate: 0.5)
        #expect(level(RuleID.overCurrent, pack(amps: 50), limits) == .normal)
        #expect(level(RuleID.overCurrent, pack(amps: -52.4), limits) == .normal, "within the 5 % sensor margin")
        #expect(level(RuleID.overCurrent, pack(amps: -52.6), limits) == .warning)
        #expect(level(RuleID.overCurrent, pack(amps: 75.1), limits) == .critical)
        #expect(level(RuleID.overCurrent, pack(amps: 500)) == .normal)
    }

    @Test("machines: over rated power, and low power factor only while running")
    func machines() throws {
        let limits = DeviceLimits(ratedPowerKW: 100)
        #expect(level(RuleID.overPower, TestSupport.machine(at: 0, kW: 110), limits) == .normal)
        #expect(level(RuleID.overPower, TestSupport.machine(at: 0, kW: 110.1), limits) == .warning)
        #expect(level(RuleID.overPower, TestSupport.machine(at: 0, kW: 130.1), limits) == .critical)
        #expect(level(RuleID.lowPowerFactor, TestSupport.machine(at: 0, kW: 60, powerFactor: 0.7), limits) == .normal)
        #expect(level(RuleID.lowPowerFactor, TestSupport.machine(at: 0, kW: 60, powerFactor: 0.69), limits) == .warning)
        #expect(level(RuleID.lowPowerFactor, TestSupport.machine(at: 0, kW: 40, powerFactor: 0.5), limits) == .normal)
        let finding = try #require(rules.evaluate(TestSupport.machine(at: 0, kW: 140), limits: limits).first)
        #expect(finding.ruleID == "machine.over_power" && finding.threshold == 130 && finding.value == 140)
        #expect(finding.message == "Active power 140.00 kW is above the critical limit of 130.00 kW.")
    }

    @Test("risk levels are ordered and encode as lowercase strings")
    func riskLevel() throws {
        #expect(RiskLevel.normal < .warning && RiskLevel.warning < .critical && RiskLevel.critical < .danger)
        let json = try JSONEncoder().encode([RiskLevel.danger])
        #expect(String(decoding: json, as: UTF8.self) == #"["danger"]"#)
    }
}
