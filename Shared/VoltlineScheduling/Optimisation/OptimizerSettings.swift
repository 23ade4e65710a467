/// How hard ``ScheduleOptimizer`` tries.
public struct OptimizerSettings: Sendable, Hashable, Codable {
    /// CBC's time limit, seconds.
    public var timeLimitSeconds: Double
    /// CBC stops once its proven relative gap is at most this (0.005 = 0.5 %).
    public var relativeGap: Double
    /// CBC threads.
    public var threads: Int
    /// Beyond this many start columns the MILP is skipped and the heuristic plan returned.
    public var maxStartColumns: Int
    /// `false` skips the solver: the heuristic plan is the answer.
    public var useSolver: Bool

    /// Creates settings; the defaults suit a day of 15-minute slots.
    public init(
        timeLimitSeconds: Double = 30, relativeGap: Double = 0.005, threads: Int = 1, maxStartColumns: Int = 200_000,
        useSolver: Bool = true
    ) {
        self.timeLimitSeconds = timeLimitSeconds
        self.relativeGap = relativeGap
        self.threads = threads
        self.maxStartColumns = maxStartColumns
        self.useSolver = useSolver
    }
}

extension OptimizerSettings {
    private enum CodingKeys: String, CodingKey {
        case timeLimitSeconds, relativeGap, threads, maxStartColumns, useSolver
    }

    /// Decodes settings; every field is optional and defaults as in ``init(timeLimitSeconds:relativeGap:threads:maxStartColumns:useSolver:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = OptimizerSettings()
        self.init(
            timeLimitSeconds: try container.decodeIfPresent(Double.self, forKey: .timeLimitSeconds) ?? defaults.timeLimitSeconds,
            relativeGap: try container.decodeIfPresent(Double.self, forKey: .relativeGap) ?? defaults.relativeGap,
            threads: try container.decodeIfPresent(Int.self, forKey: .threads) ?? defaults.threads,
            maxStartColumns: try container.decodeIfPresent(Int.self, forKey: .maxStartColumns) ?? defaults.maxStartColumns,
            useSolver: try container.decodeIfPresent(Bool.self, forKey: .useSolver) ?? defaults.useSolver)
    }
}
