import Foundation
import Synchronization

/// Latency samples with the wall time each was taken, so a run keeps only those of its steady window.
final class LatencySamples: Sendable {
    private let samples = Mutex<[(at: Date, milliseconds: Double)]>([])

    func record(_ milliseconds: Double, at time: Date = Date()) {
        samples.withLock { $0.append((time, milliseconds)) }
    }

    /// The distribution of the samples taken in `window`.
    func distribution(in window: ClosedRange<Date>) -> LatencyDistribution {
        LatencyDistribution(samples.withLock { $0.filter { window.contains($0.at) }.map(\.milliseconds) })
    }
}

/// Percentiles of a set of latencies, in milliseconds (nearest-rank).
struct LatencyDistribution: Encodable, Sendable {
    let count: Int
    let p50: Double?
    let p95: Double?
    let p99: Double?
    let max: Double?

    init(_ values: [Double]) {
        let sorted = values.sorted()
        func percentile(_ p: Double) -> Double? {
            sorted.isEmpty ? nil : sorted[Swift.min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        count = sorted.count
        p50 = percentile(0.50)
        p95 = percentile(0.95)
        p99 = percentile(0.99)
        max = sorted.last
    }
}
