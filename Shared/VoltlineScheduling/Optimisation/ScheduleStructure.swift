/// The derived structure of a valid ``ScheduleProblem``: job indices, precedence in topological order, and each
/// job's window of possible start slots after propagating release times, precedence and the horizon end.
///
/// Creating it checks everything that can be checked before solving, so infeasible inputs are explained in
/// terms of jobs and constraints instead of a solver status.
struct ScheduleStructure: Sendable {
    let problem: ScheduleProblem
    /// Predecessor indices of each job.
    let predecessors: [[Int]]
    /// Successor indices of each job.
    let successors: [[Int]]
    /// Jobs such that every job comes after its predecessors.
    let topologicalOrder: [Int]
    /// Earliest possible start of each job.
    let earliestStart: [Int]
    /// Latest possible start of each job (so it and its successors end inside the horizon).
    let latestStart: [Int]
    /// Start slots of each job at which its power fits under the peak limit beside the base load, counting the
    /// battery's full discharge power as available.
    let powerFeasibleStarts: [[Int]]

    /// Checks `problem` and derives its structure.
    /// - Throws: ``ScheduleInfeasibility`` with every reason found.
    init(_ problem: ScheduleProblem) throws(ScheduleInfeasibility) {
        self.problem = problem
        var reasons: [ScheduleInfeasibility.Reason] = []
        func fail(_ constraint: String, _ job: String?, _ message: String) {
            reasons.append(.init(constraint: constraint, job: job, message: message))
        }
        let slots = problem.slotCount
        let time = problem.clockTime(ofSlot:)
        func kW(_ value: Double) -> String { String(format: "%g kW", (value * 10).rounded() / 10) }
        if slots == 0 { fail("input", nil, "the horizon has no slots (energy_price_per_kwh is empty)") }
        if problem.baseLoadKW.count != slots {
            fail("input", nil, "base_load_kw has \(problem.baseLoadKW.count) slots, the prices have \(slots)")
        }
        let index = Dictionary(problem.jobs.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        if index.count != problem.jobs.count { fail("input", nil, "job ids are not unique") }
        let machines = Set(problem.machines)
        var predecessors = Array(repeating: [Int](), count: problem.jobs.count)
        var successors = predecessors
        for (number, job) in problem.jobs.enumerated() {
            if !machines.contains(job.machine) {
                fail("input", job.id, "job \(job.id) runs on machine \(job.machine), which is not in the problem")
            }
            if job.powerKW.isEmpty { fail("input", job.id, "job \(job.id) has no power profile (duration 0)") }
            if job.powerKW.contains(where: { $0 < 0 || !$0.isFinite }) {
                fail("input", job.id, "job \(job.id) has a negative or non-finite power")
            }
            for name in job.predecessors {
                guard let before = index[name] else {
                    fail("input", job.id, "job \(job.id) follows \(name), which is not a job of the problem")
                    continue
                }
                predecessors[number].append(before)
                successors[before].append(number)
            }
        }
        // Kahn's algorithm; what remains is on a cycle.
        var remaining = predecessors.map(\.count)
        var ready = remaining.indices.filter { remaining[$0] == 0 }
        var order: [Int] = []
        while let next = ready.popLast() {
            order.append(next)
            for successor in successors[next] {
                remaining[successor] -= 1
                if remaining[successor] == 0 { ready.append(successor) }
            }
        }
        if order.count < problem.jobs.count {
            let cycle = remaining.indices.filter { remaining[$0] > 0 }.map { problem.jobs[$0].id }
            fail("precedence", cycle.first, "jobs \(cycle.joined(separator: ", ")) wait for each other in a cycle")
        }
        guard reasons.isEmpty else { throw ScheduleInfeasibility(reasons: reasons) }

        let jobs = problem.jobs
        var earliest = jobs.map { max(0, $0.releaseSlot) }
        for job in order {
            for before in predecessors[job] {
                earliest[job] = max(earliest[job], earliest[before] + jobs[before].duration)
            }
        }
        var latest = jobs.map { slots - $0.duration }
        for job in order.reversed() {
            for after in successors[job] { latest[job] = min(latest[job], latest[after] - jobs[job].duration) }
        }
        for job in order where earliest[job] > latest[job] {
            let chain = predecessors[job].isEmpty ? "" : " after its predecessors (\(predecessors[job].map { jobs[$0].id }.joined(separator: ", ")))"
            let followers = successors[job].isEmpty ? "" : " and leave room for its successors"
            fail(
                "horizon", jobs[job].id,
                "job \(jobs[job].id) cannot start before slot \(earliest[job]) (\(time(earliest[job])))\(chain) and must start by slot \(latest[job]) to run its \(jobs[job].duration) slots\(followers) before the horizon ends at slot \(slots)")
        }

        let headroom = problem.baseLoadKW.map { problem.peakLimitKW + (problem.storage?.maxDischargeKW ?? 0) - $0 }
        if let slot = headroom.indices.first(where: { headroom[$0] < -1e-9 }) {
            let battery = problem.storage.map { " plus the battery's \(kW($0.maxDischargeKW)) discharge" } ?? ""
            fail(
                "peak_limit", nil,
                "the base load alone (\(kW(problem.baseLoadKW[slot])) at \(time(slot))) exceeds the peak limit of \(kW(problem.peakLimitKW))\(battery)")
        }
        var fitting: [[Int]] = []
        for (number, job) in jobs.enumerated() {
            let window = earliest[number] <= latest[number] ? Array(earliest[number]...latest[number]) : []
            let starts = window.filter { start in
                job.powerKW.enumerated().allSatisfy { $0.element <= headroom[start + $0.offset] + 1e-9 }
            }
            if starts.isEmpty && !window.isEmpty {
                let room = window.map { start in job.powerKW.indices.map { headroom[start + $0] }.min()! }.max()!
                fail(
                    "peak_limit", job.id,
                    "job \(job.id) draws up to \(kW(job.powerKW.max()!)), but beside the base load the peak limit of \(kW(problem.peakLimitKW)) leaves at most \(kW(room)) throughout any run between slots \(earliest[number]) (\(time(earliest[number]))) and \(latest[number] + job.duration) (\(time(latest[number] + job.duration)))")
            }
            fitting.append(starts)
        }
        for machine in problem.machines {
            let onMachine = jobs.indices.filter { jobs[$0].machine == machine }
            guard let from = onMachine.map({ earliest[$0] }).min(),
                let until = onMachine.map({ latest[$0] + jobs[$0].duration }).max()
            else { continue }
            let work = onMachine.reduce(0) { $0 + jobs[$1].duration }
            if work > until - from {
                fail(
                    "machine_capacity", nil,
                    "machine \(machine) has \(work) slots of work but only \(until - from) slots between \(time(from)) and slot \(until) (\(time(until))) in which its jobs can run")
            }
        }
        if let storage = problem.storage {
            let checks: [(Bool, String)] = [
                (storage.capacityKWh > 0, "capacity_kwh must be positive"),
                (storage.maxChargeKW >= 0 && storage.maxDischargeKW >= 0, "charge and discharge powers must not be negative"),
                ((0.01...1).contains(storage.chargeEfficiency) && (0.01...1).contains(storage.dischargeEfficiency),
                 "efficiencies must be in 0.01…1"),
                (0 <= storage.minSOC && storage.minSOC <= storage.maxSOC && storage.maxSOC <= 1, "SOC bounds need 0 ≤ min ≤ max ≤ 1"),
                ((storage.minSOC...storage.maxSOC).contains(storage.initialSOC), "the initial SOC is outside the SOC bounds"),
                (storage.finalSOC <= storage.maxSOC, "the final SOC is above the maximum SOC"),
                (storage.initialKWh + storage.maxChargeKW * problem.slotHours * storage.chargeEfficiency * Double(slots)
                    >= storage.finalKWh - 1e-9,
                 "the final SOC of \(storage.finalSOC) cannot be reached from \(storage.initialSOC) at \(storage.maxChargeKW) kW within the horizon"),
            ]
            for (holds, message) in checks where !holds { fail("storage", nil, "battery \(storage.name): \(message)") }
        }
        guard reasons.isEmpty else { throw ScheduleInfeasibility(reasons: reasons) }
        self.predecessors = predecessors
        self.successors = successors
        self.topologicalOrder = order
        self.earliestStart = earliest
        self.latestStart = latest
        self.powerFeasibleStarts = fitting
    }
}
