/// The fast scheduler: list scheduling by urgency that puts each job where it adds the least cost, then
/// single-job moves while any lowers the cost, then a greedy battery plan.
///
/// It warm-starts the MILP and is the fallback when the solver is unavailable, too slow or the problem too
/// large. Written by hand because no library does this for our model; it keeps every plan it returns within
/// the peak limit without counting on the battery.
struct ConstructiveHeuristic {
    let structure: ScheduleStructure
    private var problem: ScheduleProblem { structure.problem }

    /// How to choose a start among the feasible ones.
    enum Rule {
        /// The start that adds the least energy, demand and lateness cost.
        case cheapest
        /// The earliest start: the as-soon-as-possible baseline.
        case earliest
    }

    /// A cost-aware plan, or `nil` when list scheduling cannot place every job under the peak limit.
    /// Both placements (cheapest by earliest due date, and first come first served) are improved; the cheaper
    /// result wins.
    func plan() -> SchedulePlan? {
        let improved = [place(rule: .cheapest), place(rule: .earliest)].compactMap { placed -> SchedulePlan? in
            guard var state = placed else { return nil }
            state.improve()
            let (charge, discharge) = BatteryDispatch(problem: problem, gridKW: state.load).greedy()
            return problem.plan(starts: state.starts, chargeKW: charge, dischargeKW: discharge)
        }
        return improved.min { $0.cost.total < $1.cost.total }
    }

    /// The as-soon-as-possible baseline: every job at its earliest start that the machine, precedence and the
    /// peak limit allow, in order of release; the battery stays idle.
    func baseline() -> SchedulePlan? {
        place(rule: .earliest).map { problem.plan(starts: $0.starts) }
    }

    private func place(rule: Rule) -> PlacementState? {
        var state = PlacementState(structure: structure)
        var remaining = structure.predecessors.map(\.count)
        var ready = Set(remaining.indices.filter { remaining[$0] == 0 })
        let jobs = problem.jobs
        while !ready.isEmpty {
            let next = ready.min {
                // Earliest due date first: the order that keeps lateness low.
                let left = (min(jobs[$0].dueSlot, structure.latestStart[$0] + jobs[$0].duration), jobs[$0].releaseSlot, $0)
                let right = (min(jobs[$1].dueSlot, structure.latestStart[$1] + jobs[$1].duration), jobs[$1].releaseSlot, $1)
                return rule == .earliest
                    ? (jobs[$0].releaseSlot, left.0, $0) < (jobs[$1].releaseSlot, right.0, $1) : left < right
            }!
            ready.remove(next)
            guard let start = state.bestStart(of: next, rule: rule) else { return nil }
            state.put(next, at: start)
            for successor in structure.successors[next] {
                remaining[successor] -= 1
                if remaining[successor] == 0 { ready.insert(successor) }
            }
        }
        return state
    }
}

/// Job starts, machine occupancy and grid load while the heuristic places and moves jobs.
private struct PlacementState {
    let structure: ScheduleStructure
    var starts: [Int]
    var load: [Double]
    var busy: [String: [Bool]]

    init(structure: ScheduleStructure) {
        self.structure = structure
        let problem = structure.problem
        starts = Array(repeating: -1, count: problem.jobs.count)
        load = problem.baseLoadKW
        busy = Dictionary(uniqueKeysWithValues: problem.machines.map { ($0, Array(repeating: false, count: problem.slotCount)) })
    }

    mutating func put(_ job: Int, at start: Int) {
        let spec = structure.problem.jobs[job]
        starts[job] = start
        for (offset, power) in spec.powerKW.enumerated() {
            load[start + offset] += power
            busy[spec.machine]![start + offset] = true
        }
    }

    mutating func remove(_ job: Int) {
        let spec = structure.problem.jobs[job]
        let start = starts[job]
        for (offset, power) in spec.powerKW.enumerated() {
            load[start + offset] -= power
            busy[spec.machine]![start + offset] = false
        }
        starts[job] = -1
    }

    /// The best feasible start of an unplaced job under `rule`, between its placed predecessors' ends and its
    /// placed successors' starts.
    func bestStart(of job: Int, rule: ConstructiveHeuristic.Rule) -> Int? {
        let problem = structure.problem
        let spec = problem.jobs[job]
        var lower = structure.earliestStart[job]
        for before in structure.predecessors[job] where starts[before] >= 0 {
            lower = max(lower, starts[before] + problem.jobs[before].duration)
        }
        var upper = structure.latestStart[job]
        for after in structure.successors[job] where starts[after] >= 0 { upper = min(upper, starts[after] - spec.duration) }
        guard lower <= upper else { return nil }
        let machine = busy[spec.machine]!
        let baseDemand = rule == .cheapest ? demandCost(load) : 0
        var best: (cost: Double, start: Int)?
        for start in lower...upper {
            let fits = spec.powerKW.enumerated().allSatisfy { offset, power in
                !machine[start + offset] && load[start + offset] + power <= problem.peakLimitKW + 1e-9
            }
            guard fits else { continue }
            if rule == .earliest { return start }
            let cost = addedCost(of: job, at: start, baseDemand: baseDemand)
            if best == nil || cost < best!.cost - 1e-9 { best = (cost, start) }
        }
        return best?.start
    }

    /// Energy, demand and lateness cost that placing `job` at `start` adds.
    private func addedCost(of job: Int, at start: Int, baseDemand: Double) -> Double {
        let problem = structure.problem
        let spec = problem.jobs[job]
        var energy = 0.0
        var trial = load
        for (offset, power) in spec.powerKW.enumerated() {
            energy += problem.energyPricePerKWh[start + offset] * power * problem.slotHours
            trial[start + offset] += power
        }
        return energy + demandCost(trial) - baseDemand + spec.latenessCost(start: start)
    }

    private func demandCost(_ grid: [Double]) -> Double {
        structure.problem.demandCharges.reduce(0) { $0 + $1.cost(gridKW: grid).cost }
    }

    /// Moves single jobs, then pairs of neighbouring jobs on one machine, to their cheapest feasible starts while
    /// any move lowers the cost.
    mutating func improve(maxPasses: Int = 50) {
        for _ in 0..<maxPasses {
            var improved = false
            for job in structure.topologicalOrder where moveAlone(job) { improved = true }
            if !improved {
                for (first, second) in neighbours() where reorder(first, second) { improved = true }
            }
            if !improved { break }
        }
    }

    /// Plan cost of the current state: energy, demand and lateness.
    private var cost: Double {
        let problem = structure.problem
        let energy = zip(load, problem.energyPricePerKWh).reduce(0) { $0 + $1.0 * $1.1 * problem.slotHours }
        let lateness = zip(problem.jobs, starts).reduce(0) { $0 + $1.0.latenessCost(start: $1.1) }
        return energy + demandCost(load) + lateness
    }

    /// Reinserts one job at its cheapest start. - Returns: whether the cost fell.
    private mutating func moveAlone(_ job: Int) -> Bool {
        let current = starts[job]
        remove(job)
        let base = demandCost(load)
        let best = bestStart(of: job, rule: .cheapest) ?? current
        if best != current
            && addedCost(of: job, at: best, baseDemand: base) < addedCost(of: job, at: current, baseDemand: base) - 1e-6
        {
            put(job, at: best)
            return true
        }
        put(job, at: current)
        return false
    }

    /// Consecutive jobs on each machine, in start order.
    private func neighbours() -> [(Int, Int)] {
        let jobs = structure.problem.jobs
        return structure.problem.machines.flatMap { machine in
            let ordered = jobs.indices.filter { jobs[$0].machine == machine }.sorted { starts[$0] < starts[$1] }
            return zip(ordered, ordered.dropFirst()).map { ($0, $1) }
        }
    }

    /// Takes out two neighbouring jobs and puts them back in the other order, each at its cheapest start.
    /// - Returns: whether the cost fell; otherwise the state is as before.
    private mutating func reorder(_ first: Int, _ second: Int) -> Bool {
        let before = cost
        let (oldFirst, oldSecond) = (starts[first], starts[second])
        remove(first)
        remove(second)
        if let start = bestStart(of: second, rule: .cheapest) {
            put(second, at: start)
            if let other = bestStart(of: first, rule: .cheapest) {
                put(first, at: other)
                if cost < before - 1e-6 { return true }
                remove(first)
            }
            remove(second)
        }
        put(first, at: oldFirst)
        put(second, at: oldSecond)
        return false
    }
}
