public import Foundation
import VoltlineSupport

/// Remaining useful life from a history of state-of-health estimates.
///
/// Fade is locally linear in cycles but speeds up and slows down over a cell's life, so the line is fitted
/// by least squares with exponentially fading weights (recent cycles count most, half weight
/// ``Configuration/halfLifeCycles`` back), made robust with Huber weights so that the capacity recovered
/// after a rest does not bend the line, and extrapolated to the threshold. The band comes from a
/// residual bootstrap: the fit is repeated on the fitted line plus resampled residuals, each replica gives
/// a crossing cycle, and their percentiles are the band, which narrows as points accumulate and scatter
/// falls. The calendar date follows from the recent cycling rate.
public struct RemainingLifeEstimator: Sendable {
    /// Settings.
    public struct Configuration: Sendable, Hashable, Codable {
        /// End of life as a state of health (0.8 by default; 0.7 for the NASA cells, 1.4 of 2 Ah).
        public var threshold: Double
        /// How many cycles back a point has half the weight of the newest.
        public var halfLifeCycles: Double
        /// Bootstrap replicas.
        public var replicas: Int
        /// The fewest points that give an estimate.
        public var minimumPoints: Int
        /// The latest crossing reported, in cycles past the newest point (a flat fade would never cross).
        public var horizonCycles: Double

        /// Creates settings.
        public init(
            threshold: Double = 0.8, halfLifeCycles: Double = 8, replicas: Int = 400, minimumPoints: Int = 8,
            horizonCycles: Double = 100_000
        ) {
            self.threshold = threshold
            self.halfLifeCycles = halfLifeCycles
            self.replicas = replicas
            self.minimumPoints = minimumPoints
            self.horizonCycles = horizonCycles
        }
    }

    /// The settings.
    public var configuration: Configuration

    /// Creates an estimator.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Estimates when the history crosses the threshold.
    /// - Parameter history: estimates in any order.
    /// - Returns: nil with fewer than ``Configuration/minimumPoints`` points.
    public func estimate(_ history: [HealthPoint]) -> RemainingLife? {
        let points = history.sorted { $0.cycles < $1.cycles }
        guard points.count >= configuration.minimumPoints, let newest = points.last else { return nil }
        let x = points.map(\.cycles)
        let y = points.map(\.stateOfHealth)
        let recency = points.map { exp2(-(newest.cycles - $0.cycles) / configuration.halfLifeCycles) }
        guard let (line, weights) = WeightedLine.robust(x: x, y: y, weights: recency) else { return nil }
        let residuals = zip(x, y).map { $1 - line.value(at: $0) }
        var generator = SplitMix64(seed: 0x5eed)
        var crossings: [Double] = []
        crossings.reserveCapacity(configuration.replicas)
        for _ in 0..<configuration.replicas {
            let resampled = x.map { line.value(at: $0) + residuals[Int(generator.next() % UInt64(residuals.count))] }
            guard let replica = WeightedLine(x: x, y: resampled, weights: weights) else { continue }
            crossings.append(crossing(of: replica, after: newest.cycles))
        }
        let median = crossing(of: line, after: newest.cycles)
        let low = Statistics.quantile(crossings, 0.05) ?? median
        let high = Statistics.quantile(crossings, 0.95) ?? median
        let rate = cyclesPerSecond(points)
        func date(_ cycles: Double) -> Date? {
            guard let rate, let now = newest.date else { return nil }
            return now.addingTimeInterval((cycles - newest.cycles) / rate)
        }
        return RemainingLife(
            threshold: configuration.threshold, currentCycles: newest.cycles, endOfLifeCycles: median,
            endOfLifeCyclesLow: min(low, median), endOfLifeCyclesHigh: max(high, median), endOfLifeDate: date(median),
            endOfLifeDateLow: date(min(low, median)), endOfLifeDateHigh: date(max(high, median)))
    }

    /// Where the line reaches the threshold, no earlier than `now` and no later than the horizon.
    private func crossing(of line: WeightedLine, after now: Double) -> Double {
        let latest = now + configuration.horizonCycles
        guard line.value(at: now) > configuration.threshold else { return now }
        guard line.slope < 0 else { return latest }
        return min(latest, (configuration.threshold - line.intercept) / line.slope)
    }

    /// Cycles per second over the dated points, or nil with fewer than two dates or no time passing.
    private func cyclesPerSecond(_ points: [HealthPoint]) -> Double? {
        let dated = points.filter { $0.date != nil }
        guard let first = dated.first, let last = dated.last else { return nil }
        let seconds = last.date!.timeIntervalSince(first.date!)
        guard seconds > 0, last.cycles > first.cycles else { return nil }
        return (last.cycles - first.cycles) / seconds
    }
}

/// A straight line fitted by weighted least squares.
struct WeightedLine {
    let slope: Double
    let intercept: Double

    /// Fits `y = intercept + slope × x`; nil when the x values do not spread.
    init?(x: [Double], y: [Double], weights: [Double]) {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        let meanX = zip(x, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        let meanY = zip(y, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        var sxx = 0.0
        var sxy = 0.0
        for index in x.indices {
            sxx += weights[index] * (x[index] - meanX) * (x[index] - meanX)
            sxy += weights[index] * (x[index] - meanX) * (y[index] - meanY)
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = meanY - slope * meanX
    }

    func value(at x: Double) -> Double { intercept + slope * x }

    /// Fits by iteratively reweighted least squares with Huber weights (1.345 robust standard deviations),
    /// so outliers pull the line less. Returns the line and the final weights.
    static func robust(x: [Double], y: [Double], weights: [Double], iterations: Int = 5) -> (WeightedLine, [Double])? {
        guard var line = WeightedLine(x: x, y: y, weights: weights) else { return nil }
        var current = weights
        for _ in 0..<iterations {
            let residuals = x.indices.map { y[$0] - line.value(at: x[$0]) }
            let scale = 1.4826 * (Statistics.median(residuals.map(abs)) ?? 0)
            guard scale > 0 else { break }
            current = x.indices.map { weights[$0] * min(1, 1.345 * scale / max(abs(residuals[$0]), .leastNonzeroMagnitude)) }
            guard let refitted = WeightedLine(x: x, y: y, weights: current) else { break }
            line = refitted
        }
        return (line, current)
    }
}
