/// Prediction intervals from out-of-sample residuals: per horizon bucket (one hour of horizon each), the
/// lower and upper quantiles of `actual − forecast` measured on days the model did not train on.
///
/// Empirical and distribution-free; the interval widens with the horizon as the residuals do.
struct ResidualQuantiles: Sendable, Hashable, Codable {
    /// Horizon intervals per bucket.
    let bucketWidth: Int
    /// Lower and upper residual quantile per bucket.
    let lower: [Double]
    let upper: [Double]

    /// No interval: forecasts are points.
    static func none(bucketWidth: Int) -> ResidualQuantiles {
        ResidualQuantiles(bucketWidth: bucketWidth, lower: [], upper: [])
    }

    /// Quantiles from residuals grouped by horizon (1-based).
    init(residuals: [(horizon: Int, residual: Double)], bucketWidth: Int, coverage: Double) {
        var buckets: [[Double]] = []
        for (horizon, residual) in residuals where residual.isFinite {
            let bucket = (horizon - 1) / bucketWidth
            while buckets.count <= bucket { buckets.append([]) }
            buckets[bucket].append(residual)
        }
        let tail = (1 - coverage) / 2
        self.init(
            bucketWidth: bucketWidth, lower: buckets.map { Self.quantile($0, tail) },
            upper: buckets.map { Self.quantile($0, 1 - tail) })
    }

    private init(bucketWidth: Int, lower: [Double], upper: [Double]) {
        self.bucketWidth = bucketWidth
        self.lower = lower
        self.upper = upper
    }

    /// The interval around `value` at `horizon`; the last bucket serves longer horizons.
    func interval(around value: Double, horizon: Int) -> (lower: Double, upper: Double) {
        guard !lower.isEmpty else { return (value, value) }
        let bucket = min((horizon - 1) / bucketWidth, lower.count - 1)
        return (max(0, value + lower[bucket]), value + upper[bucket])
    }

    /// Linear-interpolated quantile `q` of `values` (0 for none).
    static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let below = Int(position)
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (sorted[above] - sorted[below]) * (position - Double(below))
    }
}
