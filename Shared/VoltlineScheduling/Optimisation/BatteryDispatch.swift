/// A greedy battery plan for a fixed load: first charge what the final SOC needs in the cheapest slots, then
/// repeatedly move a small block of energy from the cheapest feasible charging slot to the most valuable
/// discharging slot (energy price and any demand charge it lowers) while that gains more than it costs.
///
/// Charging never exceeds the peak limit and pays for any demand charge it raises, discharging never exports, and
/// the SOC stays within its bounds. The MILP does this optimally; this is the heuristic's and fallback's version.
struct BatteryDispatch {
    let problem: ScheduleProblem
    let gridKW: [Double]

    /// Charging and discharging kW per slot; `nil`s without a battery.
    func greedy() -> (charge: [Double]?, discharge: [Double]?) {
        guard let storage = problem.storage, storage.capacityKWh > 0 else { return (nil, nil) }
        let slots = problem.slotCount
        let hours = problem.slotHours
        var charge = Array(repeating: 0.0, count: slots)
        var discharge = charge
        var grid = gridKW
        // soc[k]: stored energy at the start of slot k; soc[slots] at the end of the horizon.
        var soc = Array(repeating: storage.initialKWh, count: slots + 1)
        let block = max(storage.capacityKWh / 50, 1e-6)

        func chargeRoom(_ slot: Int) -> Double {
            guard discharge[slot] == 0 else { return 0 }
            return max(0, min(storage.maxChargeKW - charge[slot], problem.peakLimitKW - grid[slot])) * hours
                * storage.chargeEfficiency
        }
        func dischargeRoom(_ slot: Int) -> Double {
            guard charge[slot] == 0 else { return 0 }
            return max(0, min(storage.maxDischargeKW - discharge[slot], grid[slot])) * hours / storage.dischargeEfficiency
        }
        func apply(stored energy: Double, chargeAt slot: Int) {
            let kW = energy / (hours * storage.chargeEfficiency)
            charge[slot] += kW
            grid[slot] += kW
            for k in (slot + 1)...slots { soc[k] += energy }
        }
        func apply(stored energy: Double, dischargeAt slot: Int) {
            let kW = energy * storage.dischargeEfficiency / hours
            discharge[slot] += kW
            grid[slot] -= kW
            for k in (slot + 1)...slots { soc[k] -= energy }
        }
        func demand(_ grid: [Double]) -> Double { problem.demandCharges.reduce(0) { $0 + $1.cost(gridKW: grid).cost } }

        // The final SOC first, in the cheapest slots with room.
        var missing = storage.finalKWh - soc[slots]
        for slot in (0..<slots).sorted(by: { problem.energyPricePerKWh[$0] < problem.energyPricePerKWh[$1] }) where missing > 1e-9 {
            let headroom = ((slot + 1)...slots).map { storage.maxKWh - soc[$0] }.min()!
            let energy = min(missing, chargeRoom(slot), headroom)
            if energy > 0 {
                apply(stored: energy, chargeAt: slot)
                missing -= energy
            }
        }

        // Enough blocks for several full cycles; each pass moves at most one.
        for _ in 0..<(400 + slots * 8) {
            let currentDemand = demand(grid)
            // Value of taking one block out at each slot, per block.
            let dischargeValue = (0..<slots).map { slot -> Double in
                let energy = min(block, dischargeRoom(slot))
                guard energy > 1e-9 else { return -.infinity }
                var trial = grid
                trial[slot] -= energy * storage.dischargeEfficiency / hours
                let saved = problem.energyPricePerKWh[slot] * energy * storage.dischargeEfficiency + currentDemand - demand(trial)
                return saved / energy
            }
            // Cost of storing one block at each slot, per block: energy and any demand charge it raises.
            let chargeCost = (0..<slots).map { slot -> Double in
                let energy = min(block, chargeRoom(slot))
                guard energy > 1e-9 else { return .infinity }
                var trial = grid
                trial[slot] += energy / (hours * storage.chargeEfficiency)
                return problem.energyPricePerKWh[slot] / storage.chargeEfficiency + (demand(trial) - currentDemand) / energy
            }
            var best: (gain: Double, from: Int, to: Int, energy: Double)?
            for to in 0..<slots where dischargeValue[to] > -.infinity {
                for from in 0..<slots where from != to && chargeCost[from] < dischargeValue[to] {
                    let gain = dischargeValue[to] - chargeCost[from]
                    guard gain > (best?.gain ?? 1e-6) else { continue }
                    // SOC bounds between the two moves.
                    let span = from < to ? (from + 1)...to : (to + 1)...from
                    let room = from < to
                        ? span.map { storage.maxKWh - soc[$0] }.min()! : span.map { soc[$0] - storage.minKWh }.min()!
                    let energy = min(block, chargeRoom(from), dischargeRoom(to), room)
                    if energy > 1e-9 { best = (gain, from, to, energy) }
                }
            }
            guard let move = best else { break }
            apply(stored: move.energy, chargeAt: move.from)
            apply(stored: move.energy, dischargeAt: move.to)
        }
        return (charge, discharge)
    }
}
