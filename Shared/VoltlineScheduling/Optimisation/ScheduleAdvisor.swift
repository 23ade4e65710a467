import Foundation

/// Turns an optimised plan and its baseline into recommendations, largest saving first: each moved job with
/// what its own energy and lateness cost change saves, the change of the peak with its demand charge, and the
/// battery plan with what it saves over leaving the battery idle.
struct ScheduleAdvisor {
    let problem: ScheduleProblem

    func recommendations(plan: SchedulePlan, baseline: SchedulePlan) -> [Recommendation] {
        var advice: [Recommendation] = []
        for (number, job) in problem.jobs.enumerated() {
            let from = baseline.starts[number]
            let to = plan.starts[number]
            guard from != to else { continue }
            let savings = ownCost(of: number, at: from) - ownCost(of: number, at: to)
            let effect = savings >= 0 ? "saves \(money(savings))" : "costs \(money(-savings)) more but frees room for cheaper jobs"
            advice.append(
                Recommendation(
                    kind: "move_job", job: job.id, fromSlot: from, toSlot: to, savings: savings,
                    text: "Move job \(job.id) on \(job.machine) from \(problem.clockTime(ofSlot: from)) to \(problem.clockTime(ofSlot: to)): \(effect)"))
        }
        let demandSaving = baseline.cost.demand - plan.cost.demand
        if abs(demandSaving) > 0.5 {
            let before = Int(baseline.cost.peakKW.rounded())
            let after = Int(plan.cost.peakKW.rounded())
            advice.append(
                Recommendation(
                    kind: "peak", savings: demandSaving,
                    text: "Peak demand goes from \(before) kW to \(after) kW: \(demandSaving >= 0 ? "saves" : "costs") \(money(abs(demandSaving))) in demand charges"))
        }
        if let storage = problem.storage, plan.storage.contains(where: { $0.chargeKW > 1e-6 || $0.dischargeKW > 1e-6 }) {
            let idle = problem.plan(starts: plan.starts)
            let savings = (idle.cost.energy + idle.cost.demand) - (plan.cost.energy + plan.cost.demand)
            let charging = spans(plan.storage.filter { $0.chargeKW > 1e-6 }.map(\.slot))
            let discharging = spans(plan.storage.filter { $0.dischargeKW > 1e-6 }.map(\.slot))
            advice.append(
                Recommendation(
                    kind: "storage", savings: savings,
                    text: "Charge \(storage.name) during \(charging) and discharge it during \(discharging): saves \(money(savings)) over leaving it idle"))
        }
        return advice.sorted { $0.savings > $1.savings }
    }

    /// Energy at the slot prices plus lateness of one job started at `start`.
    private func ownCost(of job: Int, at start: Int) -> Double {
        let spec = problem.jobs[job]
        let energy = spec.powerKW.enumerated().reduce(0) {
            $0 + problem.energyPricePerKWh[start + $1.offset] * $1.element * problem.slotHours
        }
        return energy + spec.latenessCost(start: start)
    }

    /// Contiguous slot runs as clock-time ranges: `01:00–05:00, 23:00–24:00`.
    private func spans(_ slots: [Int]) -> String {
        var runs: [(Int, Int)] = []
        for slot in slots {
            if let last = runs.last, last.1 == slot { runs[runs.count - 1].1 = slot + 1 } else { runs.append((slot, slot + 1)) }
        }
        return runs.map { "\(problem.clockTime(ofSlot: $0.0))–\(problem.clockTime(ofSlot: $0.1))" }.joined(separator: ", ")
    }

    /// `12,400 KRW`.
    func money(_ amount: Double) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.maximumFractionDigits = 0
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.groupingSize = 3
        return (formatter.string(from: NSNumber(value: amount.rounded())) ?? "\(Int(amount.rounded()))") + " \(problem.currency)"
    }
}
