import Testing
import VoltlineBattery

@Suite("Ageing")
struct AgeingTests {
    /// Fade after cycling `equivalentCycles` at `depth`, `cRate` and `temperatureC`, step by step.
    func fade(depth: Double, cRate: Double, temperatureC: Double, equivalentCycles: Double = 50) -> Double {
        let parameters = CellParameters.samsung25R.ageing
        var state = AgeingState()
        let capacity = 2.5
        let halfCycleSeconds = depth * 3600 / cRate
        var soc = 0.5 + depth / 2
        let halfCycles = Int(equivalentCycles / depth * 2)
        for half in 0..<halfCycles {
            let current = (half % 2 == 0 ? -1.0 : 1.0) * cRate * capacity
            let steps = 20
            for _ in 0..<steps {
                soc += current * halfCycleSeconds / Double(steps) / 3600 / capacity
                state.record(
                    currentA: current, stateOfCharge: soc, temperatureC: temperatureC,
                    seconds: halfCycleSeconds / Double(steps), parameters: parameters, capacityAh: capacity)
            }
        }
        state.closeHalfCycle(parameters)
        return state.cycleFade
    }

    @Test("cycling fade per equivalent cycle grows with depth of discharge, C-rate and temperature")
    func stressFactors() {
        let reference = fade(depth: 0.8, cRate: 1, temperatureC: 25)
        #expect(reference > 0.015 && reference < 0.03)
        #expect(fade(depth: 0.2, cRate: 1, temperatureC: 25) < 0.7 * reference)
        #expect(fade(depth: 0.8, cRate: 2, temperatureC: 25) > 1.2 * reference)
        #expect(fade(depth: 0.8, cRate: 1, temperatureC: 45) > 1.8 * reference)
    }

    @Test("calendar fade grows with the square root of time, faster when full and hot; fast-forward agrees with stepping")
    func calendar() {
        let parameters = CellParameters.samsung25R.ageing
        func stored(days: Double, soc: Double, temperatureC: Double) -> Double {
            var state = AgeingState()
            state.fastForward(
                UsagePattern(
                    equivalentCyclesPerDay: 0, depthOfDischarge: 0, cRate: 0, meanStateOfCharge: soc,
                    temperatureC: temperatureC), seconds: days * 86_400, parameters: parameters)
            return state.calendarFade
        }
        let year = stored(days: 365, soc: 0.5, temperatureC: 25)
        #expect(abs(stored(days: 4 * 365, soc: 0.5, temperatureC: 25) / year - 2) < 1e-9)
        #expect(stored(days: 365, soc: 1, temperatureC: 25) > 1.5 * year)
        #expect(stored(days: 365, soc: 0.5, temperatureC: 40) > 2 * year)
        var stepped = AgeingState()
        for _ in 0..<30 {
            stepped.record(
                currentA: 0, stateOfCharge: 0.5, temperatureC: 25, seconds: 86_400, parameters: parameters, capacityAh: 2.5)
        }
        #expect(abs(stepped.calendarFade - stored(days: 30, soc: 0.5, temperatureC: 25)) < 1e-12)
    }
}
