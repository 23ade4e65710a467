import Foundation

@testable import VoltlineLearning
import VoltlineSupport

/// Labelled synthetic data for the detector tests, from a seeded generator so every run sees the same rows.
enum SyntheticData {
    /// `inliers` rows from two Gaussian clusters and `outliers` rows spread uniformly over a wide box, in
    /// `dimensions` dimensions; row-major values and labels (true = planted outlier).
    static func clusters(inliers: Int, outliers: Int, dimensions: Int, seed: UInt64 = 7) -> ([Float], [Bool]) {
        var generator = SplitMix64(seed: seed)
        var rows: [Float] = []
        var labels: [Bool] = []
        for index in 0..<inliers {
            let centre: Float = index % 2 == 0 ? -2 : 2
            rows += (0..<dimensions).map { _ in centre + gaussian(&generator) * 0.5 }
            labels.append(false)
        }
        for _ in 0..<outliers {
            rows += (0..<dimensions).map { _ in Float.random(in: -6...6, using: &generator) }
            labels.append(true)
        }
        return (rows, labels)
    }

    /// A standard normal value (Box–Muller).
    static func gaussian(_ generator: inout SplitMix64) -> Float {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &generator)
        let v = Double.random(in: 0..<1, using: &generator)
        return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
    }
}
