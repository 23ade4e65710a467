import Foundation
import VoltlineScheduling

/// One instance's figures in the evaluation table (and its JSON line).
struct EvaluationRow: Encodable {
    var instance: String
    var jobs: Int
    var slots: Int
    var storage: Bool
    var method: String?
    var status: String
    var objective: Double?
    var bestBound: Double?
    var gap: Double?
    /// The gap over the part of the cost plans can change: the objective less the base load's energy cost.
    var controllableGap: Double?
    var solveSeconds: Double?
    var heuristicObjective: Double?
    var heuristicSeconds: Double?
    /// Heuristic over the best plan found, minus one.
    var heuristicExcess: Double?
    var baselineCost: Double?
    var saving: Double?
    var infeasibility: String?

    init(instance: String, problem: ScheduleProblem, outcome: ScheduleOutcome) {
        self.instance = instance
        jobs = problem.jobs.count
        slots = problem.slotCount
        storage = problem.storage != nil
        method = outcome.method
        status = outcome.status
        objective = outcome.objective
        bestBound = outcome.bestBound
        gap = outcome.gap
        let fixed = zip(problem.baseLoadKW, problem.energyPricePerKWh).reduce(0) {
            $0 + $1.0 * $1.1 * Double(problem.slotMinutes) / 60
        }
        controllableGap = outcome.bestBound.map { max(0, outcome.objective - $0) / max(outcome.objective - fixed, 1e-9) }
        solveSeconds = outcome.solveSeconds
        heuristicObjective = outcome.heuristic?.cost.total
        heuristicSeconds = outcome.heuristicSeconds
        heuristicExcess = heuristicObjective.map { $0 / outcome.objective - 1 }
        baselineCost = outcome.baseline?.cost.total
        saving = outcome.savings
    }

    init(instance: String, problem: ScheduleProblem, infeasible reason: String) {
        self.instance = instance
        jobs = problem.jobs.count
        slots = problem.slotCount
        storage = problem.storage != nil
        status = "infeasible"
        infeasibility = reason
    }

    static let header = """
        | instance | method | status | objective KRW | gap % | ctrl. gap % | time s | heuristic KRW | heur. s | heur. vs best % | baseline KRW | saving KRW | saving % |
        |---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
        """

    var line: String {
        guard let objective else { return "| \(instance) | – | infeasible: \(infeasibility ?? "") | | | | | | | | | | |" }
        func number(_ value: Double?, _ format: String) -> String { value.map { String(format: format, $0) } ?? "–" }
        let savingShare = zip2(saving, baselineCost).map { $0 / $1 * 100 }
        return "| \(instance) | \(method ?? "") | \(status) | \(number(objective, "%.0f")) | \(number(gap.map { $0 * 100 }, "%.3f")) | \(number(controllableGap.map { $0 * 100 }, "%.2f")) | \(number(solveSeconds, "%.2f")) | \(number(heuristicObjective, "%.0f")) | \(number(heuristicSeconds, "%.3f")) | \(number(heuristicExcess.map { $0 * 100 }, "%.2f")) | \(number(baselineCost, "%.0f")) | \(number(saving, "%.0f")) | \(number(savingShare, "%.2f")) |"
    }

    /// Counts against the targets: gap ≤ 0.5 % within 30 s, heuristic within 10 % in under 1 s.
    static func summary(_ rows: [EvaluationRow]) -> String {
        let solved = rows.filter { $0.objective != nil }
        let gapMet = solved.filter { ($0.gap ?? 1) <= 0.005 + 1e-9 && ($0.solveSeconds ?? .infinity) <= 30 }.count
        let heuristicMet = solved.filter { ($0.heuristicExcess ?? 1) <= 0.10 && ($0.heuristicSeconds ?? .infinity) < 1 }.count
        let meanSaving = solved.compactMap { zip2($0.saving, $0.baselineCost).map { $0 / $1 } }
        let average = meanSaving.isEmpty ? 0 : meanSaving.reduce(0, +) / Double(meanSaving.count) * 100
        return """

            \(solved.count)/\(rows.count) solved; gap ≤ 0.5 % within 30 s: \(gapMet)/\(solved.count); heuristic within 10 % in < 1 s: \(heuristicMet)/\(solved.count); mean saving vs baseline \(String(format: "%.2f", average)) %
            """
    }
}

private func zip2(_ a: Double?, _ b: Double?) -> (Double, Double)? {
    guard let a, let b else { return nil }
    return (a, b)
}
