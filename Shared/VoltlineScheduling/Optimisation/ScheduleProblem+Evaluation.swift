extension ScheduleProblem {
    /// The plan given by job start slots and, with a battery, its charging and discharging power per slot.
    ///
    /// This is the one place costs are computed: the heuristic, the baseline and the solver's answer are all
    /// evaluated here, so their costs compare exactly.
    /// - Parameters:
    ///   - starts: start slot per job, in ``jobs`` order.
    ///   - chargeKW: charging power per slot; none when `nil`.
    ///   - dischargeKW: discharging power per slot; none when `nil`.
    public func plan(starts: [Int], chargeKW: [Double]? = nil, dischargeKW: [Double]? = nil) -> SchedulePlan {
        var grid = baseLoadKW
        var assignments: [SchedulePlan.Assignment] = []
        var lateness = 0.0
        for (job, start) in zip(jobs, starts) {
            for (offset, power) in job.powerKW.enumerated() where start + offset < slotCount {
                grid[start + offset] += power
            }
            lateness += job.latenessCost(start: start)
            assignments.append(
                .init(
                    job: job.id, machine: job.machine, startSlot: start, endSlot: start + job.duration,
                    startTime: clockTime(ofSlot: start), latenessSlots: max(0, start + job.duration - job.dueSlot)))
        }
        var steps: [SchedulePlan.StorageStep] = []
        if let storage {
            let charge = chargeKW ?? Array(repeating: 0, count: slotCount)
            let discharge = dischargeKW ?? Array(repeating: 0, count: slotCount)
            var soc = storage.initialKWh
            for slot in 0..<slotCount {
                grid[slot] += charge[slot] - discharge[slot]
                soc += charge[slot] * slotHours * storage.chargeEfficiency
                    - discharge[slot] * slotHours / storage.dischargeEfficiency
                steps.append(.init(slot: slot, chargeKW: charge[slot], dischargeKW: discharge[slot], socKWh: soc))
            }
        }
        let energy = zip(grid, energyPricePerKWh).reduce(0) { $0 + $1.0 * $1.1 * slotHours }
        let demand = demandCharges.reduce(0) { $0 + $1.cost(gridKW: grid).cost }
        return SchedulePlan(
            assignments: assignments, storage: steps, gridKW: grid,
            cost: CostBreakdown(energy: energy, demand: demand, lateness: lateness, peakKW: grid.max() ?? 0))
    }
}
