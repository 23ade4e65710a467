import Testing
import VoltlineDomain
import VoltlineSimulation

@Suite("Battery pack model")
struct BatteryPackTests {
    @Test("a CC-CV charge holds the current, then tapers it; cells stay at the charge voltage")
    func constantCurrentConstantVoltage() throws {
        let spec = BatteryPackSpec.samsung25R
        var gateway = try packGateway(spec, stateOfChargePercent: 20, phase: .charging)
        let packs = gateway.step(to: mondayMidnight + 4 * hourMillis).compactMap(\.pack)
        let charge = Array(packs.prefix { $0.currentA > 0.2 })
        let constantCurrent = 0.5 * spec.capacityAh
        #expect(charge.count > 540)  // over 90 minutes
        let cc = charge.prefix { abs($0.currentA - constantCurrent) < 0.05 * constantCurrent }
        let cv = charge.dropFirst(cc.count)
        #expect(cc.count > charge.count / 2)
        #expect(cv.count > 15)  // the equivalent-circuit cell tapers from 0.5C to 0.05C in a few minutes
        // Tapering: the current never rises by more than sensor noise, and it ends near the cut-off.
        for (earlier, later) in zip(cv, cv.dropFirst()) {
            #expect(later.currentA < earlier.currentA + 0.1)
        }
        let last = try #require(cv.last)
        #expect(last.currentA < 0.1 * spec.capacityAh)
        for reading in charge {
            #expect(try #require(reading.cellVoltageMaxV) <= spec.chargeVoltageCellV + 0.004)
        }
    }

    @Test("state of charge follows the coulomb count up while charging and down while discharging")
    func coulombCounting() throws {
        let spec = BatteryPackSpec.panasonicNCR18650B
        let operation = CycleProfile(restAfterChargeSeconds: 600)
        var gateway = try packGateway(spec, operation: operation, stateOfChargePercent: 60, phase: .charging)
        let packs = gateway.step(to: mondayMidnight + 5 * hourMillis).compactMap(\.pack)
        let charge = Array(packs.prefix { $0.currentA > 0.2 })
        let discharge = Array(packs.drop { $0.currentA > -0.2 }.prefix { $0.currentA < -0.2 })
        #expect(charge.count > 100)
        #expect(discharge.count > 100)
        for segment in [charge, discharge] {
            let first = try #require(segment.first?.stateOfChargePercent)
            let last = try #require(segment.last?.stateOfChargePercent)
            // Each reading's current flowed for the 10 s before it.
            let countedPercent = segment.dropFirst().map { $0.currentA * 10 / 3600 }.reduce(0, +) / spec.capacityAh * 100
            #expect(abs((last - first) - countedPercent) < 0.5)
        }
        #expect(try #require(charge.last?.stateOfChargePercent) > 95)
        // The cycle discharges down to its 25 % floor.
        #expect(try #require(discharge.last?.stateOfChargePercent) < 26)
    }

    /// The mean of the lowest and highest cell voltage of a pack resting at `percent`.
    func restingCellVoltage(_ spec: BatteryPackSpec, percent: Double) throws -> Double {
        var gateway = try packGateway(spec, operation: restingCycle, stateOfChargePercent: percent, phase: .restingAfterCharge)
        let pack = try #require(gateway.step(to: mondayMidnight + 10_000).first?.pack)
        return (try #require(pack.cellVoltageMinV) + (try #require(pack.cellVoltageMaxV))) / 2
    }

    @Test("LFP stays on its plateau between 20 and 80 %, NMC rises clearly")
    func openCircuitVoltageShape() throws {
        let lfpRise = try restingCellVoltage(.bydBlade, percent: 80) - restingCellVoltage(.bydBlade, percent: 20)
        let nmcRise = try restingCellVoltage(.lgChemE63, percent: 80) - restingCellVoltage(.lgChemE63, percent: 20)
        #expect(lfpRise > 0 && lfpRise < 0.15)
        #expect(nmcRise > 0.3)
        let lfpEmpty = try restingCellVoltage(.bydBlade, percent: 1)
        #expect(lfpEmpty > 2.5 && lfpEmpty < 3.0)
    }

    @Test("cells differ like a real BMS reports them")
    func cellSpread() throws {
        var gateway = try packGateway(.teslaModelY21700, stateOfChargePercent: 50, phase: .discharging)
        let pack = try #require(gateway.step(to: mondayMidnight + 10 * minuteMillis).last?.pack)
        let voltageSpread = try #require(pack.cellVoltageMaxV) - (try #require(pack.cellVoltageMinV))
        let temperatureSpread = try #require(pack.cellTemperatureMaxC) - (try #require(pack.cellTemperatureMinC))
        #expect(voltageSpread > 0.003 && voltageSpread < 0.1)
        #expect(temperatureSpread > 0.2 && temperatureSpread < 5)
        #expect(abs(pack.voltageV - 96 * 3.7) < 15)
    }

    @Test("in normal operation every reference pack stays below 45 °C at 25 °C ambient")
    func normalTemperatures() throws {
        var gateway = VirtualGateway.standard(seed: 4, startMillis: mondayMidnight, sampleIntervalMillis: 60_000)
        var hottest = 0.0
        for hour in 1...2 {
            for pack in gateway.step(to: mondayMidnight + Int64(hour) * hourMillis).compactMap(\.pack) {
                hottest = max(hottest, try #require(pack.cellTemperatureMaxC))
            }
        }
        #expect(hottest > 25 && hottest < 45)
    }
}
