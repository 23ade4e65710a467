/// Two-sided tabular CUSUM (Page, 1954) for level shifts: sums standardized deviations beyond a slack `k`
/// and signals when either sum passes `h`. Catches small sustained shifts that no single value reveals.
///
/// The in-control mean and deviation are learnt from the first ``warmUp`` values (median and MAD, so a
/// spike during warm-up does not inflate them); after a signal the sums restart from zero.
public struct CUSUMDetector: Sendable, Codable, Hashable {
    /// Slack per value, in standard deviations (half the shift to detect is usual: 0.5 for a 1σ shift).
    public let slack: Double
    /// Decision threshold on either sum, in standard deviations.
    public let threshold: Double
    /// Values used to learn the in-control level.
    public let warmUp: Int
    /// Smallest deviation used, in the series' unit.
    public let minimumDeviation: Double
    private var reference: [Double] = []
    private var mean = 0.0
    private var deviation = 1.0
    private var upper = 0.0
    private var lower = 0.0

    /// Creates a detector with no history.
    public init(slack: Double = 0.5, threshold: Double = 8, warmUp: Int = 100, minimumDeviation: Double = 1e-6) {
        self.slack = slack
        self.threshold = threshold
        self.warmUp = warmUp
        self.minimumDeviation = minimumDeviation
    }

    /// Adds `value` and returns the larger CUSUM statistic divided by the threshold (≥ 1 signals a shift), or
    /// nil while warming up.
    public mutating func observe(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if reference.count < warmUp {
            reference.append(value)
            if reference.count == warmUp {
                let sorted = reference.sorted()
                mean = sorted[sorted.count / 2]
                let deviations = sorted.map { abs($0 - mean) }.sorted()
                deviation = max(1.4826 * deviations[deviations.count / 2], minimumDeviation)
            }
            return nil
        }
        let z = (value - mean) / deviation
        upper = max(0, upper + z - slack)
        lower = max(0, lower - z - slack)
        let statistic = max(upper, lower) / threshold
        if statistic >= 1 {
            upper = 0
            lower = 0
        }
        return statistic
    }
}
