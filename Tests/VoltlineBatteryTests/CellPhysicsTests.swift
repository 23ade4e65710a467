import Testing
import VoltlineBattery

/// A 1s1p pack of `cell` at `stateOfCharge`, cooled like a cell in free air.
func singleCell(_ cell: CellParameters, stateOfCharge: Double, temperatureC: Double = 25) -> BatteryPack {
    var random = SystemRandomNumberGenerator()
    return BatteryPack(
        configuration: .single(cell, coolingConductanceWPerK: cell.heatCapacityJPerK / 900), stateOfCharge: stateOfCharge,
        temperatureC: temperatureC, random: &random)
}

@Suite("Cell physics")
struct CellPhysicsTests {
    @Test("coulomb counting and energy balance: charge in equals state-of-charge change; electrical energy is stored plus heat")
    func energyBalance() throws {
        let cell = CellParameters.samsung25R
        var pack = singleCell(cell, stateOfCharge: 0.8)
        let cycler = Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: 25))
        let before = pack.elements[0]
        let samples = cycler.run(
            [CyclerStep(.constantCurrent(amps: -2.5), until: .duration(seconds: 1800))], on: &pack, recordEverySeconds: 1)
        let after = pack.elements[0]
        let chargeAh = samples.reduce(0) { $0 + $1.reading.currentA } / 3600
        #expect(abs(chargeAh + 1.25) < 1e-9)
        #expect(abs((after.stateOfCharge - before.stateOfCharge) * before.capacityAh - chargeAh) < 0.002)
        // Energy delivered at the terminals + heat generated = chemical energy released (∫OCV dQ).
        let delivered = samples.reduce(0) { $0 - $1.reading.currentA * $1.reading.voltageV }
        let curve = cell.openCircuitVoltage
        var chemical = 0.0
        var soc = after.stateOfCharge
        let step = (before.stateOfCharge - after.stateOfCharge) / 1000
        for _ in 0..<1000 {
            chemical += curve.voltage(atStateOfCharge: soc + step / 2) * step * before.capacityAh * 3600
            soc += step
        }
        let irreversibleHeat = chemical - delivered
        #expect(irreversibleHeat > 0)
        // I²R at about 22 mΩ for half an hour at 2.5 A is about 250 J; the balance must be of that order.
        #expect(irreversibleHeat > 100 && irreversibleHeat < 700, "\(irreversibleHeat) J")
    }

    @Test("CC-CV: the current holds, then tapers at the voltage limit and the step ends at the cut-off current")
    func constantVoltageTaper() throws {
        let cell = CellParameters.panasonicNCR18650B
        var pack = singleCell(cell, stateOfCharge: 0.3)
        let cycler = Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: 25))
        let samples = cycler.run(
            [CyclerStep(.constantCurrentConstantVoltage(amps: 1.7, cellVoltageLimitV: 4.2), until: .currentBelow(0.068))],
            on: &pack, recordEverySeconds: 10)
        #expect(pack.currentA <= 0.068 && pack.currentA > 0.05)
        #expect(samples.allSatisfy { $0.reading.cellVoltageMaxV <= 4.2 + 1e-6 })
        let tapering = samples.drop { $0.reading.currentA > 1.69 }
        #expect(tapering.count > 30)
        for (earlier, later) in zip(tapering, tapering.dropFirst()) {
            #expect(later.reading.currentA <= earlier.reading.currentA + 1e-9)
        }
        #expect(pack.elements[0].stateOfCharge > 0.97)
    }

    @Test("LFP is flat between 20 and 80 % state of charge, NMC is not")
    func plateau() {
        let lfp = CellChemistry.lfp.openCircuitVoltage
        let nmc = CellChemistry.nmc.openCircuitVoltage
        let lfpRise = lfp.voltage(atStateOfCharge: 0.8) - lfp.voltage(atStateOfCharge: 0.2)
        #expect(lfpRise > 0 && lfpRise < 0.1)
        #expect(nmc.voltage(atStateOfCharge: 0.8) - nmc.voltage(atStateOfCharge: 0.2) > 0.35)
        // Monotone between the points: no interpolation overshoot on the plateau.
        var previous = lfp.voltage(atStateOfCharge: 0)
        for percent in 1...100 {
            let voltage = lfp.voltage(atStateOfCharge: Double(percent) / 100)
            #expect(voltage >= previous)
            previous = voltage
        }
    }

    @Test("resistance rises in the cold (Arrhenius): the 10 s voltage drop at -10 °C is several times that at 25 °C")
    func coldResistance() {
        func drop(atC temperature: Double) -> Double {
            var pack = singleCell(.samsung25R, stateOfCharge: 0.5, temperatureC: temperature)
            let rest = pack.voltageV
            Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: temperature))
                .run([CyclerStep(.constantCurrent(amps: -5), until: .duration(seconds: 10))], on: &pack)
            return rest - pack.voltageV
        }
        let warm = drop(atC: 25)
        let cold = drop(atC: -10)
        #expect(warm > 0.05 && warm < 0.2)
        #expect(cold / warm > 2.5 && cold / warm < 5)
    }

    @Test("constant power: the current rises as the voltage falls so that V·I stays on target")
    func constantPower() throws {
        var pack = singleCell(.tesla21700, stateOfCharge: 0.9)
        let samples = Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: 25)).run(
            [CyclerStep(.constantPower(watts: -30), until: .cellVoltageBelow(3.0))], on: &pack, recordEverySeconds: 60)
        #expect(samples.count > 20)
        for sample in samples.dropLast() {
            #expect(abs(sample.reading.voltageV * sample.reading.currentA + 30) < 0.3)
        }
        #expect(try #require(samples.last).reading.currentA < samples[0].reading.currentA)
    }

    @Test("a pack reports the spread of its elements like a BMS")
    func packSpread() {
        var random = SystemRandomNumberGenerator()
        let configuration = PackConfiguration(
            cell: .samsung25R, cellsInSeries: 14, cellsInParallel: 6, coolingConductancePerCellWPerK: 43.0 / 1800)
        var pack = BatteryPack(configuration: configuration, stateOfCharge: 0.6, temperatureC: 25, random: &random)
        Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: 25))
            .run([CyclerStep(.constantCurrent(amps: -15), until: .duration(seconds: 1200))], on: &pack)
        let reading = pack.reading
        #expect(reading.cellVoltageMaxV - reading.cellVoltageMinV > 0.002)
        #expect(reading.cellTemperatureMaxC - reading.cellTemperatureMinC > 0.05)
        #expect(abs(reading.voltageV - pack.elements.reduce(0) { $0 + $1.terminalVoltageV }) < 1e-9)
        #expect(reading.voltageV > 14 * 3.4 && reading.voltageV < 14 * 4.0)
    }
}
