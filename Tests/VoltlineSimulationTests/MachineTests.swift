import Foundation
import Testing
import VoltlineDomain
import VoltlineSimulation

@Suite("Machine model")
struct MachineTests {
    let spec = MachineSpec(
        model: "Hydraulic press", ratedPowerKW: 75, schedule: .twoShiftWeek(utcOffsetSeconds: 3600))

    @Test("over a week the energy counter is monotone and integrates the power, Sunday is idle")
    func simulatedWeek() throws {
        var gateway = VirtualGateway(seed: 11, startMillis: mondayMidnight, sampleIntervalMillis: 10_000)
        try gateway.addMachine(id: "press-01", site: "test", line: "line-1", spec: spec)
        var previousEnergy = 0.0
        var integralKWh = 0.0
        var sundayPeakKW = 0.0
        var weekdayPeakKW = 0.0
        var count = 0
        for hour in 1...(7 * 24) {
            for reading in gateway.step(to: mondayMidnight + Int64(hour) * hourMillis) {
                let metrics = try #require(reading.machine)
                let energy = try #require(metrics.energyKWh)
                #expect(energy >= previousEnergy)
                previousEnergy = energy
                integralKWh += metrics.activePowerKW * 10 / 3600
                let localDay = (reading.timeMillis - mondayMidnight + hourMillis) / dayMillis
                if localDay == 6 {
                    sundayPeakKW = max(sundayPeakKW, metrics.activePowerKW)
                } else if localDay < 5 {
                    weekdayPeakKW = max(weekdayPeakKW, metrics.activePowerKW)
                }
                count += 1
            }
        }
        #expect(count == 7 * 24 * 360)
        #expect(abs(previousEnergy - integralKWh) <= 0.005 * previousEnergy)
        #expect(sundayPeakKW < 0.02 * spec.ratedPowerKW)
        #expect(weekdayPeakKW > spec.ratedPowerKW)
        // Two shifts on five days and one on Saturday at 10–90 % of 75 kW: some hundreds of kWh a day.
        #expect(previousEnergy > 2_000 && previousEnergy < 7_000)
    }

    @Test("power factor, current and reactive power agree with active power and voltage")
    func electricalConsistency() throws {
        let start = mondayMidnight + 6 * hourMillis
        var gateway = VirtualGateway(seed: 5, startMillis: start)
        try gateway.addMachine(id: "cnc-01", site: "test", line: "line-2", spec: spec)
        let readings = gateway.step(to: start + hourMillis)
        #expect(readings.count == 3600)
        for reading in readings {
            let m = try #require(reading.machine)
            let voltage = try #require(m.voltageV)
            let current = try #require(m.currentA)
            let powerFactor = try #require(m.powerFactor)
            let reactive = try #require(m.reactivePowerKVAR)
            #expect(powerFactor > 0 && powerFactor <= 1)
            #expect(abs(voltage - 400) < 20)
            #expect(abs(current - m.activePowerKW * 1000 / (3.0.squareRoot() * voltage * powerFactor)) < 1e-9 * max(1, current))
            let apparent = (m.activePowerKW * m.activePowerKW + reactive * reactive).squareRoot()
            #expect(abs(m.activePowerKW / apparent - powerFactor) < 1e-9)
        }
        // Running between 50 and 80 % of rated power (below the short peaks near the rating): the power
        // factor is that of a loaded motor.
        let running = readings.compactMap(\.machine).filter { (0.5 * 75...0.8 * 75).contains($0.activePowerKW) }
        let idling = readings.compactMap(\.machine).filter { (0.05 * 75...0.25 * 75).contains($0.activePowerKW) }
        #expect(running.count > 600)
        #expect(running.allSatisfy { ($0.powerFactor ?? 0) >= 0.78 })
        #expect(idling.allSatisfy { ($0.powerFactor ?? 1) <= 0.72 })
    }

    @Test("shifts follow the schedule in local time")
    func shiftSchedule() {
        let schedule = ShiftSchedule.twoShiftWeek(utcOffsetSeconds: 3600)
        #expect(!schedule.isOnShift(atMillis: mondayMidnight + 4 * hourMillis + 59 * minuteMillis))  // 05:59 local
        #expect(schedule.isOnShift(atMillis: mondayMidnight + 5 * hourMillis))  // 06:00 local
        #expect(schedule.isOnShift(atMillis: mondayMidnight + 20 * hourMillis + 59 * minuteMillis))  // 21:59 local
        #expect(!schedule.isOnShift(atMillis: mondayMidnight + 21 * hourMillis))  // 22:00 local
        #expect(schedule.isOnShift(atMillis: mondayMidnight + 5 * dayMillis + 12 * hourMillis))  // Saturday 13:00
        #expect(!schedule.isOnShift(atMillis: mondayMidnight + 5 * dayMillis + 13 * hourMillis))  // Saturday 14:00
        #expect(!schedule.isOnShift(atMillis: mondayMidnight + 6 * dayMillis + 9 * hourMillis))  // Sunday 10:00
    }
}
