/// Minimum, mean, maximum and last value of one metric over a window (mean of samples, not time-weighted).
public struct ValueSummary: Sendable, Hashable, Codable {
    /// The smallest value.
    public var min: Double
    /// The arithmetic mean of the samples.
    public var mean: Double
    /// The largest value.
    public var max: Double
    /// The value of the latest sample.
    public var last: Double

    /// Creates a summary.
    public init(min: Double, mean: Double, max: Double, last: Double) {
        self.min = min
        self.mean = mean
        self.max = max
        self.last = last
    }

    /// Summarises `values` in time order; nil when there are none.
    init?(_ values: some Sequence<Double>) {
        var count = 0
        var sum = 0.0
        var low = Double.infinity
        var high = -Double.infinity
        var latest = Double.nan
        for value in values {
            count += 1
            sum += value
            low = Swift.min(low, value)
            high = Swift.max(high, value)
            latest = value
        }
        guard count > 0 else { return nil }
        self.init(min: low, mean: sum / Double(count), max: high, last: latest)
    }
}
