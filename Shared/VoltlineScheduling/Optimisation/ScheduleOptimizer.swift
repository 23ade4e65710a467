public import Foundation

/// Finds low-cost production and battery plans: checks the problem, builds the heuristic and baseline plans,
/// then solves the time-indexed MILP with CBC, warm-started from the heuristic.
public enum ScheduleOptimizer {
    /// Optimises a problem.
    ///
    /// The CBC solve blocks a thread for up to the time limit, so it runs on a dispatch queue, never on the
    /// cooperative pool.
    /// - Throws: ``ScheduleInfeasibility`` when the checks before solving find inputs no plan can satisfy, or CBC
    ///   proves the combination infeasible.
    public static func optimise(_ problem: ScheduleProblem, settings: OptimizerSettings = .init()) async throws(ScheduleInfeasibility)
        -> ScheduleOutcome
    {
        let structure = try ScheduleStructure(problem)
        let heuristicClock = ContinuousClock.now
        let heuristicPlan = ConstructiveHeuristic(structure: structure).plan()
        let heuristicSeconds = (ContinuousClock.now - heuristicClock).seconds
        let baseline = ConstructiveHeuristic(structure: structure).baseline()

        let model = TimeIndexedModel(structure)
        let startColumns = model.startColumns.reduce(0) { $0 + $1.count }
        var status = "solver_skipped"
        if !settings.useSolver { status = "solver_disabled" }
        if startColumns > settings.maxStartColumns { status = "too_large: \(startColumns) start columns" }
        guard settings.useSolver, startColumns <= settings.maxStartColumns else {
            guard let heuristicPlan else {
                throw ScheduleInfeasibility(reasons: [
                    .init(constraint: "combined", job: nil, message: "the heuristic found no plan under the peak limit and the solver is not used (\(status))")
                ])
            }
            return outcome(
                problem, plan: heuristicPlan, method: "heuristic", status: status, bound: nil, solveSeconds: 0,
                heuristic: heuristicPlan, heuristicSeconds: heuristicSeconds, baseline: baseline)
        }

        let start = heuristicPlan.flatMap(model.columnValues(of:))
        let solverClock = ContinuousClock.now
        let result = await solve(model.program, start: start, settings: settings)
        let solveSeconds = (ContinuousClock.now - solverClock).seconds
        if result.provenInfeasible && heuristicPlan == nil {
            throw ScheduleInfeasibility(reasons: [
                .init(
                    constraint: "combined", job: nil,
                    message: "every job fits its window, its machine and the peak limit on its own, but no plan fits them all together: the machines' jobs overlap too much within the slots where the peak limit leaves room for them; raise the peak limit, widen release or due windows, or add storage")
            ])
        }
        let offset = model.program.objectiveOffset
        let bound = result.values == nil && heuristicPlan == nil ? nil : result.bestBound + offset
        var plan = heuristicPlan
        var method = "heuristic"
        if let values = result.values {
            let solved = model.plan(from: values)
            if plan == nil || solved.cost.total <= plan!.cost.total + 1e-6 {
                plan = solved
                method = "milp"
            }
        }
        guard let plan else {
            throw ScheduleInfeasibility(reasons: [
                .init(
                    constraint: "combined", job: nil,
                    message: "neither the heuristic nor CBC within \(settings.timeLimitSeconds) s found a plan that fits every job under the peak limit")
            ])
        }
        status = result.provenOptimal ? (result.timeLimitReached ? "time_limit" : "optimal") : "time_limit"
        if result.provenOptimal, let bound, gap(plan.cost.total, bound) > 1e-6 { status = "gap_reached" }
        return outcome(
            problem, plan: plan, method: method, status: status, bound: bound, solveSeconds: solveSeconds,
            heuristic: heuristicPlan, heuristicSeconds: heuristicSeconds, baseline: baseline)
    }

    /// Writes the problem's MILP in MPS format, so any solver can check it. CBC writes it gzip-compressed
    /// (`.mps.gz`, which CBC, HiGHS, SCIP and the commercial solvers read) when zlib is available.
    /// - Parameter base: the file name without extension.
    /// - Returns: the file written.
    /// - Throws: ``ScheduleInfeasibility`` for inputs that fail the checks before solving.
    @discardableResult
    public static func writeMPS(_ problem: ScheduleProblem, toBase base: URL) throws(ScheduleInfeasibility) -> URL {
        let model = TimeIndexedModel(try ScheduleStructure(problem))
        CbcModel(model.program).writeMPS(to: base.path)
        let plain = URL(fileURLWithPath: base.path + ".mps")
        return FileManager.default.fileExists(atPath: plain.path) ? plain : URL(fileURLWithPath: plain.path + ".gz")
    }

    private static func solve(_ program: LinearProgram, start: [Double]?, settings: OptimizerSettings) async -> CbcOutcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                let model = CbcModel(program)
                if let start { model.setStart(start) }
                continuation.resume(
                    returning: model.solve(
                        seconds: settings.timeLimitSeconds, relativeGap: settings.relativeGap, threads: settings.threads))
            }
        }
    }

    private static func gap(_ objective: Double, _ bound: Double) -> Double {
        max(0, objective - bound) / max(abs(objective), 1e-9)
    }

    private static func outcome(
        _ problem: ScheduleProblem, plan: SchedulePlan, method: String, status: String, bound: Double?,
        solveSeconds: Double, heuristic: SchedulePlan?, heuristicSeconds: Double, baseline: SchedulePlan?
    ) -> ScheduleOutcome {
        ScheduleOutcome(
            plan: plan, method: method, status: status, objective: plan.cost.total, bestBound: bound,
            gap: bound.map { gap(plan.cost.total, $0) }, solveSeconds: solveSeconds, heuristic: heuristic,
            heuristicSeconds: heuristicSeconds, baseline: baseline,
            savings: baseline.map { $0.cost.total - plan.cost.total },
            recommendations: baseline.map { ScheduleAdvisor(problem: problem).recommendations(plan: plan, baseline: $0) } ?? [])
    }
}

extension Duration {
    /// The duration in seconds.
    fileprivate var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
