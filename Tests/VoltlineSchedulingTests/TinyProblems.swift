import Foundation
import VoltlineScheduling

/// Small problems whose optimum is known by hand: hourly slots from 1970-01-01T00:00Z (UTC), KRW.
enum TinyProblems {
    /// Two one-slot 10 kW jobs on two machines; prices 100, 50, 200, 60; base 5 kW; peak limit 30 kW; demand
    /// 20 per kW. Both at 01:00 cost 1,000 energy + 25 kW × 20 = 1,500; split over 01:00 and 03:00 cost
    /// 500 + 600 + 15 kW × 20 = 1,400, the optimum; with the base load's 2,050 the total is 3,450.
    static func twoJobs() -> ScheduleProblem {
        ScheduleProblem(
            start: Date(timeIntervalSince1970: 0), utcOffsetMinutes: 0, slotMinutes: 60, currency: "KRW",
            energyPricePerKWh: [100, 50, 200, 60], demandCharges: [HorizonDemandCharge(name: "basic", ratePerKW: 20)],
            baseLoadKW: [5, 5, 5, 5], peakLimitKW: 30, machines: ["m1", "m2"],
            jobs: [
                ProductionJob(id: "a", machine: "m1", powerKW: [10], dueSlot: 4),
                ProductionJob(id: "b", machine: "m2", powerKW: [10], dueSlot: 4),
            ])
    }

    /// No jobs; a lossless 10 kWh battery, 10 kW each way, empty at start and end; prices 50 then 200; base
    /// 10 kW. Charging in slot 0 and discharging in slot 1 costs 20 × 50 = 1,000 instead of 2,500.
    static func arbitrage() -> ScheduleProblem {
        ScheduleProblem(
            start: Date(timeIntervalSince1970: 0), utcOffsetMinutes: 0, slotMinutes: 60, currency: "KRW",
            energyPricePerKWh: [50, 200], demandCharges: [], baseLoadKW: [10, 10], peakLimitKW: 20, machines: [], jobs: [],
            storage: BatteryStorage(
                name: "pack", capacityKWh: 10, maxChargeKW: 10, maxDischargeKW: 10, chargeEfficiency: 1,
                dischargeEfficiency: 1, minSOC: 0, maxSOC: 1, initialSOC: 0, finalSOC: 0))
    }
}
