import Testing
import VoltlineBattery

@Suite("Fault physics")
struct FaultPhysicsTests {
    @Test("an internal short self-discharges and heats its element, then runs away after its onset")
    func internalShortToRunaway() throws {
        var random = SystemRandomNumberGenerator()
        let configuration = PackConfiguration(
            cell: .lgChemE63, cellsInSeries: 4, cellsInParallel: 1, coolingConductancePerCellWPerK: 900.0 / 1200)
        var pack = BatteryPack(configuration: configuration, stateOfCharge: 0.9, temperatureC: 25, random: &random)
        let environment = PackEnvironment(ambientC: 25)
        for _ in 0..<600 { pack.step(currentA: 0, seconds: 1, environment: environment) }
        let onset = pack.elapsedSeconds
        pack.startInternalShort(inElement: 2, InternalShort())
        for _ in 0..<1800 { pack.step(currentA: 0, seconds: 1, environment: environment) }
        // Half an hour in: self-discharge and warming, no runaway yet.
        let shorted = pack.elements[2]
        let healthy = pack.elements[0]
        #expect(shorted.stateOfCharge < healthy.stateOfCharge - 0.01)
        #expect(shorted.temperatureC > healthy.temperatureC + 2)
        #expect(pack.timeline.runawaySeconds == nil)
        for _ in 0..<(3 * 3600) where pack.timeline.runawaySeconds == nil {
            pack.step(currentA: 0, seconds: 1, environment: environment)
        }
        let runaway = try #require(pack.timeline.runawaySeconds)
        let selfHeating = try #require(pack.timeline.selfHeatingOnsetSeconds)
        #expect(pack.timeline.runawayElement == 2)
        #expect(selfHeating > onset && runaway > selfHeating)
        #expect(runaway - onset > 30 * 60)
        for _ in 0..<120 { pack.step(currentA: 0, seconds: 1, environment: environment) }
        #expect(pack.elements[2].temperatureC > 300)
    }

    @Test("overcharge past full drives the voltage above the window and heats the cell; failed cooling runs hotter")
    func overchargeAndCooling() {
        var charged = singleCell(.samsung25R, stateOfCharge: 0.95)
        let cycler = Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: 25))
        cycler.run([CyclerStep(.constantCurrent(amps: 2.5), until: .duration(seconds: 1800))], on: &charged)
        #expect(charged.reading.cellVoltageMaxV > 4.5)
        #expect(charged.reading.cellTemperatureMaxC > 35)

        func temperatureAfterLoad(_ effectiveness: Double) -> Double {
            var pack = singleCell(.samsung25R, stateOfCharge: 1)
            Cycler(stepSeconds: 1, environment: PackEnvironment(ambientC: 25, coolingEffectiveness: effectiveness))
                .run([CyclerStep(.constantCurrent(amps: -10), until: .cellVoltageBelow(2.8))], on: &pack)
            return pack.reading.cellTemperatureMaxC
        }
        #expect(temperatureAfterLoad(PackEnvironment.failedCoolingEffectiveness) > temperatureAfterLoad(1) + 5)
    }
}
