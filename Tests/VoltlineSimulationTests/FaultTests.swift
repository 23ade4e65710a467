import Testing
import VoltlineDomain
import VoltlineSimulation

@Suite("Fault injection")
struct FaultTests {
    @Test("overheat drives a loaded pack past 60 °C within minutes; cleared, it cools down")
    func overheat() throws {
        var gateway = try packGateway(
            .samsung25R, operation: CycleProfile(discharge: .constant(cRate: 1)), stateOfChargePercent: 90,
            phase: .discharging)
        _ = gateway.step(to: mondayMidnight + 5 * minuteMillis)
        try gateway.inject(.overheat, into: "pack-01")
        let heating = gateway.step(to: mondayMidnight + 15 * minuteMillis).compactMap(\.pack)
        let firstHot = try #require(heating.firstIndex { ($0.cellTemperatureMaxC ?? 0) > 60 })
        #expect(firstHot * 10 < 6 * 60)  // within six minutes of the onset
        #expect(heating.allSatisfy { $0.currentA < 0 })  // still under load
        #expect(try gateway.faults(of: "pack-01") == [FaultRecord(kind: .overheat, onsetMillis: mondayMidnight + 5 * minuteMillis)])

        try gateway.clear(.overheat, on: "pack-01")
        let peak = try #require(heating.last?.temperatureC)
        let cooled = try #require(gateway.step(to: mondayMidnight + 45 * minuteMillis).last?.pack?.temperatureC)
        #expect(cooled < peak - 10)
        #expect(try gateway.faults(of: "pack-01").first?.clearedMillis == mondayMidnight + 15 * minuteMillis)
    }

    @Test("overcharge pushes the highest cell above the chemistry's window; without it the charge stops at the limit")
    func overcharge() throws {
        let spec = BatteryPackSpec.samsung25R
        var healthy = try packGateway(spec, stateOfChargePercent: 95, phase: .charging)
        var faulty = try packGateway(spec, stateOfChargePercent: 95, phase: .charging)
        try faulty.inject(.overcharge, into: "pack-01")
        let end = mondayMidnight + 30 * minuteMillis
        let healthyMax = healthy.step(to: end).compactMap { $0.pack?.cellVoltageMaxV }.max() ?? 0
        let faultyMax = faulty.step(to: end).compactMap { $0.pack?.cellVoltageMaxV }.max() ?? 0
        #expect(healthyMax <= Chemistry.nmc.cellVoltageWindow.upperBound + 0.004)
        #expect(faultyMax > Chemistry.nmc.cellVoltageWindow.upperBound + 0.1)
    }

    @Test("an internal short heats one cell and widens the voltage spread")
    func internalShort() throws {
        let spec = BatteryPackSpec.bydBlade
        var healthy = try packGateway(spec, operation: restingCycle, stateOfChargePercent: 60, phase: .restingAfterCharge)
        var faulty = try packGateway(spec, operation: restingCycle, stateOfChargePercent: 60, phase: .restingAfterCharge)
        try faulty.inject(.internalShort, into: "pack-01")
        let end = mondayMidnight + 40 * minuteMillis
        let normal = try #require(healthy.step(to: end).last?.pack)
        let shorted = try #require(faulty.step(to: end).last?.pack)
        func spread(_ pack: PackMetrics) throws -> Double {
            try #require(pack.cellVoltageMaxV) - (try #require(pack.cellVoltageMinV))
        }
        #expect(try #require(shorted.cellTemperatureMaxC) > (try #require(normal.cellTemperatureMaxC)) + 3)
        #expect(try spread(shorted) > spread(normal) + 0.01)
        #expect(try #require(shorted.cellVoltageMinV) < (try #require(normal.cellVoltageMinV)))
    }

    @Test("a sensor dropout silences one device while the others keep reporting")
    func sensorDropout() throws {
        var gateway = VirtualGateway.standard(seed: 2, startMillis: mondayMidnight)
        _ = gateway.step(to: mondayMidnight + 10_000)
        try gateway.inject(.sensorDropout, into: "press-01")
        let during = gateway.step(to: mondayMidnight + 70_000)
        #expect(!during.contains { $0.deviceID == "press-01" })
        #expect(during.count == 10 * 60)
        try gateway.clear(.sensorDropout, on: "press-01")
        let after = gateway.step(to: mondayMidnight + 80_000).filter { $0.deviceID == "press-01" }
        #expect(after.count == 10)
        #expect(after.first?.sequence == 10)  // sequence numbers count readings produced
    }

    @Test("a stuck value repeats the last values while time advances")
    func stuckValue() throws {
        var gateway = VirtualGateway.standard(seed: 2, startMillis: mondayMidnight)
        let before = try #require(gateway.step(to: mondayMidnight + 10_000).last { $0.deviceID == "pack-lg-e63-01" })
        try gateway.inject(.stuckValue, into: "pack-lg-e63-01")
        let stuck = gateway.step(to: mondayMidnight + 40_000).filter { $0.deviceID == "pack-lg-e63-01" }
        #expect(stuck.count == 30)
        #expect(stuck.allSatisfy { $0.metrics == before.metrics })
        #expect(zip(stuck, stuck.dropFirst()).allSatisfy { $1.timeMillis == $0.timeMillis + 1000 && $1.sequence! == $0.sequence! + 1 })
        try gateway.clear(.stuckValue, on: "pack-lg-e63-01")
        let live = gateway.step(to: mondayMidnight + 41_000).filter { $0.deviceID == "pack-lg-e63-01" }
        #expect(live.first?.metrics != before.metrics)
    }

    @Test("faults are refused for unknown devices and for devices they do not apply to")
    func refusals() throws {
        var gateway = VirtualGateway.standard(seed: 2, startMillis: mondayMidnight)
        #expect(throws: SimulationError(.unknownDevice, deviceID: "press-99")) {
            try gateway.inject(.stuckValue, into: "press-99")
        }
        #expect(throws: SimulationError(.unsupportedFault, deviceID: "press-01")) {
            try gateway.inject(.overcharge, into: "press-01")
        }
        #expect(throws: SimulationError(.duplicateDevice, deviceID: "press-01")) {
            try gateway.addMachine(id: "press-01", site: "plant-1", line: nil, spec: MachineSpec(model: "Press", ratedPowerKW: 1))
        }
        #expect(throws: SimulationError(.invalidDeviceID, deviceID: "press 01")) {
            try gateway.addMachine(id: "press 01", site: "plant-1", line: nil, spec: MachineSpec(model: "Press", ratedPowerKW: 1))
        }
    }
}
