import Foundation

/// Isolation Forest (Liu, Ting and Zhou, 2008) for multivariate feature vectors: outliers are isolated by
/// fewer random axis-parallel splits than inliers, so a short mean path length means an anomaly.
///
/// Written by hand: none of the C libraries Voltline uses (XGBoost, CBC) implements it. All trees live in
/// flat arrays (feature, threshold, right child; the left child is the next node), which keeps scoring a
/// tight loop over contiguous memory without per-node allocation; a leaf stores its path-length
/// correction in the threshold slot. Scores follow the paper: `2^(−E[h(x)] / c(ψ))`, in (0, 1), above 0.5
/// for likely anomalies.
public struct IsolationForest: Sendable, Codable, Hashable {
    /// Training settings.
    public struct Configuration: Sendable, Codable, Hashable {
        /// Trees in the forest.
        public var trees: Int
        /// Rows sampled without replacement for each tree (ψ).
        public var sampleSize: Int
        /// Seed of the random generator.
        public var seed: UInt64

        /// Creates a configuration with the paper's defaults (100 trees of 256 samples).
        public init(trees: Int = 100, sampleSize: Int = 256, seed: UInt64 = 42) {
            self.trees = trees
            self.sampleSize = sampleSize
            self.seed = seed
        }
    }

    /// Number of features per row.
    public let featureCount: Int
    /// The settings it was trained with.
    public let configuration: Configuration
    /// Per node: the split feature, or -1 for a leaf.
    private var feature: [Int32] = []
    /// Per node: the split threshold, or for a leaf `c(size)`, the expected further depth of its samples.
    private var threshold: [Float] = []
    /// Per node: index of the right child (the left child is `node + 1`).
    private var right: [Int32] = []
    /// Index of each tree's root.
    private var roots: [Int32] = []
    /// `c(ψ)`: the average path length of an unsuccessful binary-search-tree search over the sample size.
    private let normalizer: Double

    /// Trains a forest on `rows` (row-major, `featureCount` values each).
    /// - Throws: ``LearningError`` when there are fewer than two rows or the values do not fill whole rows.
    public init(
        training rows: [Float], featureCount: Int, configuration: Configuration = Configuration()
    ) throws(LearningError) {
        guard featureCount > 0, rows.count % featureCount == 0 else {
            throw LearningError.badInput("\(rows.count) values do not make rows of \(featureCount) features")
        }
        let rowCount = rows.count / featureCount
        guard rowCount >= 2 else { throw LearningError.notEnoughData("an isolation forest needs at least two rows") }
        self.featureCount = featureCount
        self.configuration = configuration
        let sampleSize = min(configuration.sampleSize, rowCount)
        normalizer = Self.averagePathLength(sampleSize)
        let heightLimit = Int(Double(sampleSize).log2Ceiling)
        var generator = SplitMix64(seed: configuration.seed)
        var indices = Array(0..<rowCount)
        for _ in 0..<max(1, configuration.trees) {
            // Partial Fisher-Yates: the first `sampleSize` indices become a sample without replacement.
            for position in 0..<sampleSize {
                indices.swapAt(position, Int.random(in: position..<rowCount, using: &generator))
            }
            var sample = Array(indices[0..<sampleSize])
            roots.append(Int32(feature.count))
            grow(&sample[...], rows: rows, depth: 0, heightLimit: heightLimit, generator: &generator)
        }
    }

    /// Anomaly scores in (0, 1) of row-major `rows`, one per row.
    /// - Precondition: `rows.count` is a multiple of ``featureCount``.
    public func scores(_ rows: [Float]) -> [Double] {
        precondition(rows.count % featureCount == 0, "rows must have \(featureCount) features each")
        let rowCount = rows.count / featureCount
        var result = [Double](repeating: 0, count: rowCount)
        let scale = -1 / (Double(roots.count) * normalizer)
        feature.withUnsafeBufferPointer { feature in
            threshold.withUnsafeBufferPointer { threshold in
                right.withUnsafeBufferPointer { right in
                    rows.withUnsafeBufferPointer { rows in
                        for row in 0..<rowCount {
                            let base = row * featureCount
                            var total: Float = 0
                            for root in roots {
                                var node = Int(root)
                                var depth: Float = 0
                                while feature[node] >= 0 {
                                    node = rows[base + Int(feature[node])] < threshold[node] ? node + 1 : Int(right[node])
                                    depth += 1
                                }
                                total += depth + threshold[node]
                            }
                            result[row] = exp2(Double(total) * scale)
                        }
                    }
                }
            }
        }
        return result
    }

    /// The score of one row.
    public func score(_ row: [Float]) -> Double { scores(row)[0] }

    /// Whether every node points inside the forest and splits on an existing feature: checked after loading
    /// stored bytes, since scoring trusts the arrays.
    var isWellFormed: Bool {
        let nodes = feature.count
        guard threshold.count == nodes, right.count == nodes, !roots.isEmpty else { return false }
        guard roots.allSatisfy({ $0 >= 0 && Int($0) < nodes }) else { return false }
        return feature.indices.allSatisfy { node in
            feature[node] < 0
                || (Int(feature[node]) < featureCount && node + 1 < nodes && right[node] > node && Int(right[node]) < nodes)
        }
    }

    /// Nodes in the forest (for sizing and tests).
    public var nodeCount: Int { feature.count }

    private mutating func grow(
        _ sample: inout ArraySlice<Int>, rows: [Float], depth: Int, heightLimit: Int,
        generator: inout SplitMix64
    ) {
        let node = feature.count
        feature.append(-1)
        threshold.append(0)
        right.append(-1)
        guard depth < heightLimit, sample.count > 1,
            let (column, low, high) = splittableFeature(sample, rows: rows, generator: &generator)
        else {
            threshold[node] = Float(Self.averagePathLength(sample.count))
            return
        }
        let cut = Float.random(in: low..<high, using: &generator)
        let split = sample.partition { rows[$0 * featureCount + column] >= cut }
        feature[node] = Int32(column)
        threshold[node] = cut
        var left = sample[sample.startIndex..<split]
        grow(&left, rows: rows, depth: depth + 1, heightLimit: heightLimit, generator: &generator)
        right[node] = Int32(feature.count)
        var rest = sample[split..<sample.endIndex]
        grow(&rest, rows: rows, depth: depth + 1, heightLimit: heightLimit, generator: &generator)
    }

    /// A random feature that still varies in the sample, with its range; tries every feature once at most.
    private func splittableFeature(
        _ sample: ArraySlice<Int>, rows: [Float], generator: inout SplitMix64
    ) -> (Int, Float, Float)? {
        var candidates = Array(0..<featureCount)
        while !candidates.isEmpty {
            let column = candidates.remove(at: Int.random(in: 0..<candidates.count, using: &generator))
            var low = Float.infinity
            var high = -Float.infinity
            for index in sample {
                let value = rows[index * featureCount + column]
                low = min(low, value)
                high = max(high, value)
            }
            if low < high { return (column, low, high) }
        }
        return nil
    }

    /// `c(n)`: average path length of an unsuccessful search in a binary search tree of `n` nodes.
    static func averagePathLength(_ n: Int) -> Double {
        guard n > 1 else { return 0 }
        if n == 2 { return 1 }
        let harmonic = log(Double(n - 1)) + 0.577_215_664_901_532_9
        return 2 * harmonic - 2 * Double(n - 1) / Double(n)
    }
}

extension Double {
    /// `⌈log₂(self)⌉` for values ≥ 1.
    fileprivate var log2Ceiling: Double { Swift.max(1, log2(self).rounded(.up)) }
}
