import Logging
import Metrics
import ServiceLifecycle
import VoltlineScheduling

/// Works through the optimisation queue: claims the oldest queued request, optimises it (CBC runs off the
/// cooperative pool, inside ``ScheduleOptimizer``) and stores the outcome, or the infeasibility reasons.
struct ScheduleWorker: Service, CustomStringConvertible {
    let store: ScheduleStore
    let settings: SchedulingSettings
    let logger: Logger
    private let solved = Counter(label: "voltline_scheduler_schedules_total", dimensions: [("result", "done")])
    private let infeasible = Counter(label: "voltline_scheduler_schedules_total", dimensions: [("result", "infeasible")])
    private let failures = Counter(label: "voltline_scheduler_schedule_failures_total")

    var description: String { "ScheduleWorker" }

    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    if try await workOnce() { continue }
                } catch where !Task.isCancelled {
                    failures.increment()
                    logger.warning("schedule queue pass failed", metadata: ["error": "\(error)"])
                } catch {
                    return
                }
                try? await Task.sleep(for: settings.pollInterval)
            }
        }
    }

    /// Optimises the oldest queued request, if there is one.
    /// - Returns: whether a request was handled.
    func workOnce() async throws -> Bool {
        guard let request = try await store.claimNext() else { return false }
        var options = request.settings
        options.timeLimitSeconds = min(options.timeLimitSeconds, settings.maxTimeLimitSeconds)
        let result: Result<ScheduleOutcome, ScheduleInfeasibility>
        do throws(ScheduleInfeasibility) {
            result = .success(try await ScheduleOptimizer.optimise(request.problem, settings: options))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let outcome):
            try await store.complete(request.id, problem: request.problem, outcome: outcome)
            solved.increment()
            logger.info(
                "schedule optimised",
                metadata: [
                    "schedule.id": "\(request.id)", "schedule.method": "\(outcome.method)",
                    "schedule.status": "\(outcome.status)", "schedule.savings": "\(outcome.savings ?? 0)",
                ])
        case .failure(let infeasibility):
            try await store.finish(request.id, status: "infeasible", error: infeasibility.reasons)
            infeasible.increment()
            logger.info("schedule infeasible", metadata: ["schedule.id": "\(request.id)", "reason": "\(infeasibility)"])
        }
        return true
    }
}
