/// Training settings for ``GradientBoostedModel``; each maps onto an XGBoost parameter of the same meaning.
public struct BoostingParameters: Sendable, Equatable {
    /// Learning objective, e.g. `reg:squarederror`, `reg:absoluteerror`, `reg:pseudohubererror`, `binary:logistic`.
    public var objective: String
    /// Number of boosting rounds (trees).
    public var rounds: Int
    /// Maximum tree depth (`max_depth`).
    public var maxDepth: Int
    /// Shrinkage per round (`eta`).
    public var learningRate: Double
    /// Row subsampling per tree (`subsample`).
    public var subsample: Double
    /// Column subsampling per tree (`colsample_bytree`).
    public var columnSample: Double
    /// Minimum hessian weight in a leaf (`min_child_weight`).
    public var minChildWeight: Double
    /// L2 regularisation on leaf weights (`lambda`).
    public var l2: Double
    /// Threads XGBoost may use (`nthread`); 0 lets XGBoost choose.
    public var threads: Int
    /// Seed for subsampling, so training is reproducible.
    public var seed: UInt64
    /// Further XGBoost parameters passed through verbatim (e.g. `huber_slope`).
    public var extra: [String: String]

    /// Defaults suited to small tabular regression problems.
    public init(
        objective: String = "reg:squarederror", rounds: Int = 200, maxDepth: Int = 4, learningRate: Double = 0.05,
        subsample: Double = 0.8, columnSample: Double = 0.8, minChildWeight: Double = 1, l2: Double = 1,
        threads: Int = 0, seed: UInt64 = 1, extra: [String: String] = [:]
    ) {
        self.objective = objective
        self.rounds = rounds
        self.maxDepth = maxDepth
        self.learningRate = learningRate
        self.subsample = subsample
        self.columnSample = columnSample
        self.minChildWeight = minChildWeight
        self.l2 = l2
        self.threads = threads
        self.seed = seed
        self.extra = extra
    }

    /// The parameters as XGBoost's name/value strings, in a stable order.
    var xgboostPairs: [(String, String)] {
        var pairs: [(String, String)] = [
            ("objective", objective), ("max_depth", String(maxDepth)), ("eta", String(learningRate)),
            ("subsample", String(subsample)), ("colsample_bytree", String(columnSample)),
            ("min_child_weight", String(minChildWeight)), ("lambda", String(l2)), ("nthread", String(threads)),
            ("seed", String(seed)), ("verbosity", "0"), ("tree_method", "hist"),
        ]
        pairs += extra.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return pairs
    }
}
