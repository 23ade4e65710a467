/// Exponentially weighted mean and variance of one series, scoring each value by its distance from the mean
/// in standard deviations before it joins the average: quick to follow slow drifts, loud on sudden jumps.
public struct EWMADetector: Sendable, Codable, Hashable {
    /// Weight of the newest value (0 < α ≤ 1); about `2/α − 1` values of memory.
    public let alpha: Double
    /// Values needed before scores are given.
    public let warmUp: Int
    /// Smallest standard deviation used, in the series' unit (a flat signal does not make steps infinite).
    public let minimumDeviation: Double
    private var mean = 0.0
    private var variance = 0.0
    private var seen = 0

    /// Creates a detector with no history.
    public init(alpha: Double = 0.05, warmUp: Int = 30, minimumDeviation: Double = 1e-6) {
        precondition(alpha > 0 && alpha <= 1, "alpha must be in (0, 1]")
        self.alpha = alpha
        self.warmUp = warmUp
        self.minimumDeviation = minimumDeviation
    }

    /// The z-score of `value` against the average so far (nil while warming up or for a non-finite value),
    /// then adds it.
    public mutating func observe(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        defer {
            seen += 1
            if seen == 1 {
                mean = value
            } else {
                let difference = value - mean
                mean += alpha * difference
                variance = (1 - alpha) * (variance + alpha * difference * difference)
            }
        }
        guard seen >= warmUp else { return nil }
        return abs(value - mean) / max(variance.squareRoot(), minimumDeviation)
    }
}
