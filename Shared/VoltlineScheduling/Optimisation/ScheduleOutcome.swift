/// The answer to a ``ScheduleProblem``: the best plan, how it was found and proven, the heuristic and baseline
/// plans it is compared with, and recommendations.
public struct ScheduleOutcome: Sendable, Hashable, Codable {
    /// The best plan found.
    public var plan: SchedulePlan
    /// `milp` when CBC's solution is the plan, `heuristic` when the heuristic's is (solver skipped, too slow, or
    /// no better).
    public var method: String
    /// `optimal`, `gap_reached` (stopped at the requested gap), `time_limit`, or why the solver was not used.
    public var status: String
    /// The plan's cost (energy + demand + lateness).
    public var objective: Double
    /// The best proven lower bound on any plan's cost, when the solver ran.
    public var bestBound: Double?
    /// `(objective − bestBound) / objective`, when the solver ran.
    public var gap: Double?
    /// Wall time of the solver, seconds.
    public var solveSeconds: Double
    /// The heuristic's plan, if it found one.
    public var heuristic: SchedulePlan?
    /// Wall time of the heuristic, seconds.
    public var heuristicSeconds: Double
    /// The as-soon-as-possible plan with an idle battery, if one meets the peak limit.
    public var baseline: SchedulePlan?
    /// Baseline cost minus plan cost.
    public var savings: Double?
    /// What to change against the baseline, largest saving first.
    public var recommendations: [Recommendation]
}
