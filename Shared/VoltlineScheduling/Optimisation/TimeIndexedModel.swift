/// The time-indexed MILP of a ``ScheduleProblem``, with the maps between its columns and plans.
///
/// Columns: `x[j,s]` binary, job `j` starts in slot `s` (only starts inside the job's propagated window where
/// its power fits beside the base load); `g[t]` grid power, 0…peak limit (the peak limit in every slot);
/// with a battery `c[t]`, `d[t]` charge and discharge power and `e[t]` the SOC at the end of slot `t`;
/// `p[k]` the peak of demand charge `k`, at least its floor.
/// Rows: each job starts once; per machine and slot at most one running job (the aggregated clique form, which
/// is much tighter than pairwise big-M disjunctions); precedence in the strong cumulative form
/// `Σ_{s≤t} x[j,s] ≤ Σ_{s≤t−d_i} x[i,s]`; the load balance `g[t] = base[t] + Σ power·x + c[t] − d[t]`;
/// SOC dynamics and the final SOC; `p[k] ≥ g[t]` over the charge's slots; and per job
/// `p[k] ≥ Σ_s x[j,s]·max_t(base[t] + power_j(t − s) − discharge)`, the job's own peak wherever it starts, which
/// closes most of the LP gap the demand charge leaves.
/// Objective: `Σ price[t]·h·g[t] + Σ rate[k]·p[k] + Σ lateness(j,s)·x[j,s] − Σ rate[k]·floor[k]`.
struct TimeIndexedModel {
    let structure: ScheduleStructure
    private(set) var program = LinearProgram()
    /// Column of each (job, start), per job as start → column.
    private(set) var startColumns: [[Int: Int]] = []
    private(set) var gridColumns: [Int] = []
    private(set) var chargeColumns: [Int] = []
    private(set) var dischargeColumns: [Int] = []
    private(set) var socColumns: [Int] = []
    private(set) var peakColumns: [Int] = []

    init(_ structure: ScheduleStructure) {
        self.structure = structure
        let problem = structure.problem
        let slots = problem.slotCount
        let hours = problem.slotHours
        let jobs = problem.jobs
        func label(_ text: String) -> String { String(text.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }) }

        for (number, job) in jobs.enumerated() {
            var columns: [Int: Int] = [:]
            for start in structure.powerFeasibleStarts[number] {
                columns[start] = program.addColumn(
                    "x_\(label(job.id))_\(start)", lower: 0, upper: 1, objective: job.latenessCost(start: start),
                    isInteger: true)
            }
            startColumns.append(columns)
        }
        gridColumns = (0..<slots).map {
            program.addColumn("g_\($0)", lower: 0, upper: problem.peakLimitKW, objective: problem.energyPricePerKWh[$0] * hours)
        }
        if let storage = problem.storage {
            chargeColumns = (0..<slots).map { program.addColumn("c_\($0)", lower: 0, upper: storage.maxChargeKW, objective: 0) }
            dischargeColumns = (0..<slots).map {
                program.addColumn("d_\($0)", lower: 0, upper: storage.maxDischargeKW, objective: 0)
            }
            socColumns = (0..<slots).map {
                program.addColumn(
                    "e_\($0)", lower: storage.minKWh, upper: storage.maxKWh, objective: 0)
            }
        }
        for (number, charge) in problem.demandCharges.enumerated() {
            peakColumns.append(
                program.addColumn("p_\(number)", lower: charge.floorKW, upper: .greatestFiniteMagnitude, objective: charge.ratePerKW))
            program.objectiveOffset -= charge.ratePerKW * charge.floorKW
        }

        for (number, job) in jobs.enumerated() {
            program.addRow("assign_\(label(job.id))", startColumns[number].values.sorted().map { ($0, 1.0) }, .equal, 1)
        }
        for machine in problem.machines {
            let onMachine = jobs.indices.filter { jobs[$0].machine == machine }
            for slot in 0..<slots {
                var terms: [(Int, Double)] = []
                var running = 0
                for job in onMachine {
                    let before = terms.count
                    for start in max(0, slot - jobs[job].duration + 1)...slot {
                        if let column = startColumns[job][start] { terms.append((column, 1)) }
                    }
                    if terms.count > before { running += 1 }
                }
                // With one candidate job the row is implied by its assignment row.
                if running > 1 { program.addRow("machine_\(label(machine))_\(slot)", terms, .lessOrEqual, 1) }
            }
        }
        for (after, befores) in structure.predecessors.enumerated() {
            for before in befores {
                let duration = jobs[before].duration
                let afterStarts = startColumns[after].keys.sorted()
                guard let first = afterStarts.first, let last = afterStarts.last else { continue }
                for slot in first...last {
                    let terms = startColumns[after].filter { $0.key <= slot }.map { ($0.value, 1.0) }
                        + startColumns[before].filter { $0.key <= slot - duration }.map { ($0.value, -1.0) }
                    program.addRow("precede_\(label(jobs[before].id))_\(label(jobs[after].id))_\(slot)", terms, .lessOrEqual, 0)
                }
            }
        }
        var loadTerms = (0..<slots).map { [(gridColumns[$0], 1.0)] }
        for (number, job) in jobs.enumerated() {
            for (start, column) in startColumns[number] {
                for (offset, power) in job.powerKW.enumerated() where power != 0 {
                    loadTerms[start + offset].append((column, -power))
                }
            }
        }
        for slot in 0..<slots {
            var terms = loadTerms[slot]
            if problem.storage != nil { terms += [(chargeColumns[slot], -1), (dischargeColumns[slot], 1)] }
            program.addRow("load_\(slot)", terms, .equal, problem.baseLoadKW[slot])
        }
        if let storage = problem.storage {
            for slot in 0..<slots {
                var terms: [(Int, Double)] = [
                    (socColumns[slot], 1), (chargeColumns[slot], -hours * storage.chargeEfficiency),
                    (dischargeColumns[slot], hours / storage.dischargeEfficiency),
                ]
                if slot > 0 { terms.append((socColumns[slot - 1], -1)) }
                program.addRow("soc_\(slot)", terms, .equal, slot == 0 ? storage.initialKWh : 0)
            }
            program.addRow("final_soc", [(socColumns[slots - 1], 1)], .greaterOrEqual, storage.finalKWh)
        }
        for (number, charge) in problem.demandCharges.enumerated() {
            for slot in charge.slots ?? Array(0..<slots) {
                program.addRow("peak_\(number)_\(slot)", [(peakColumns[number], 1), (gridColumns[slot], -1)], .greaterOrEqual, 0)
            }
        }
        // Per job and demand charge: wherever the job starts, the peak is at least the job's own highest slot on
        // top of the base load there (less what the battery can discharge). Implied for integer plans, but the LP
        // relaxation, which spreads jobs thinly to flatten the load, is much weaker without it.
        let discharge = problem.storage?.maxDischargeKW ?? 0
        for (number, charge) in problem.demandCharges.enumerated() {
            let covered = Set(charge.slots ?? Array(0..<slots))
            for (job, spec) in jobs.enumerated() {
                let terms = startColumns[job].compactMap { start, column -> (Int, Double)? in
                    let highest = spec.powerKW.indices.filter { covered.contains(start + $0) }
                        .map { problem.baseLoadKW[start + $0] + spec.powerKW[$0] - discharge }.max()
                    return highest.map { (column, -max(0, $0)) }
                }
                guard !terms.isEmpty else { continue }
                program.addRow("job_peak_\(number)_\(label(spec.id))", [(peakColumns[number], 1)] + terms, .greaterOrEqual, 0)
            }
        }
    }

    /// Column values of a plan, for a warm start; `nil` when a job starts outside its columns.
    func columnValues(of plan: SchedulePlan) -> [Double]? {
        let problem = structure.problem
        var values = Array(repeating: 0.0, count: program.columns.count)
        for (number, start) in plan.starts.enumerated() {
            guard let column = startColumns[number][start] else { return nil }
            values[column] = 1
        }
        for slot in 0..<problem.slotCount { values[gridColumns[slot]] = plan.gridKW[slot] }
        for step in plan.storage {
            values[chargeColumns[step.slot]] = step.chargeKW
            values[dischargeColumns[step.slot]] = step.dischargeKW
            values[socColumns[step.slot]] = step.socKWh
        }
        for (number, charge) in problem.demandCharges.enumerated() {
            values[peakColumns[number]] = max(charge.floorKW, charge.cost(gridKW: plan.gridKW).peakKW)
        }
        return values
    }

    /// The plan of a solver's column values.
    func plan(from values: [Double]) -> SchedulePlan {
        let problem = structure.problem
        let starts = startColumns.map { columns in columns.max { values[$0.value] < values[$1.value] }!.key }
        let battery = problem.storage != nil
        return problem.plan(
            starts: starts, chargeKW: battery ? chargeColumns.map { max(0, values[$0]) } : nil,
            dischargeKW: battery ? dischargeColumns.map { max(0, values[$0]) } : nil)
    }
}
