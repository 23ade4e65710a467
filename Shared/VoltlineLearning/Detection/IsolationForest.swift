import Dispatch
import Foundation
import VoltlineSupport

/// Isolation Forest (Liu, Ting and Zhou, 2008) for multivariate feature vectors: outliers are isolated by
/// fewer random axis-parallel splits than inliers, so a short mean path length means an anomaly.
///
/// Written by hand: none of the C libraries Voltline uses (XGBoost, CBC) implements it. Scores follow the
/// paper, `2^(−E[h(x)] / c(ψ))`, in (0, 1), above 0.5 for likely anomalies.
///
/// Layout for fast scoring: every tree is stored complete to the height limit, in heap order (the children
/// of node `i` are `2i + 1` and `2i + 2`), in flat arrays shared by all trees. A branch that stopped early
/// is padded with nodes that always go left (threshold the largest finite Float, which JSON can store),
/// and each of the `2^height` leaves holds the path length of the real leaf above it (its depth plus
/// `c(size)`, the expected further depth of the samples it held). Scoring a row is then exactly `height`
/// branch-free steps per tree, so consecutive rows overlap in the CPU instead of waiting on mispredicted
/// branches.
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
    /// Depth of every (padded) tree: `⌈log₂ ψ⌉`.
    private let height: Int
    /// One inner node: a row goes right when its value of `feature` is at or above `threshold`. Feature and
    /// threshold sit side by side so one load fetches both.
    struct Split: Sendable, Codable, Hashable {
        var feature: Int32
        var threshold: Float
    }

    /// The inner nodes, `2^height − 1` per tree.
    private var splits: [Split] = []
    /// Path length of each leaf, `2^height` per tree.
    private var leaves: [Float] = []
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
        height = max(1, Int(log2(Double(sampleSize)).rounded(.up)))
        var generator = SplitMix64(seed: configuration.seed)
        var indices = Array(0..<rowCount)
        for _ in 0..<max(1, configuration.trees) {
            // Partial Fisher-Yates: the first `sampleSize` indices become a sample without replacement.
            for position in 0..<sampleSize {
                indices.swapAt(position, Int.random(in: position..<rowCount, using: &generator))
            }
            var sample = Array(indices[0..<sampleSize])
            let treeStart = splits.count
            let leafStart = leaves.count
            splits += repeatElement(Split(feature: 0, threshold: .greatestFiniteMagnitude), count: (1 << height) - 1)
            leaves += repeatElement(0, count: 1 << height)
            grow(&sample[...], rows: rows, node: 0, depth: 0, treeStart: treeStart, leafStart: leafStart, generator: &generator)
        }
    }

    /// Anomaly scores in (0, 1) of row-major `rows`, one per row.
    ///
    /// Rows go through the forest in blocks, tree by tree, so one tree's arrays (about 3 KB at ψ = 256)
    /// stay in the L1 cache while a block walks it; blocks are spread over the cores.
    /// - Precondition: `rows.count` is a multiple of ``featureCount``.
    public func scores(_ rows: [Float]) -> [Double] {
        precondition(rows.count % featureCount == 0, "rows must have \(featureCount) features each")
        let rowCount = rows.count / featureCount
        var result = [Double](repeating: 0, count: rowCount)
        let blockSize = 512
        let blocks = (rowCount + blockSize - 1) / blockSize
        let scale = -1 / (Double(leaves.count >> height) * normalizer)
        result.withUnsafeMutableBufferPointer { output in
            splits.withUnsafeBufferPointer { splits in
                leaves.withUnsafeBufferPointer { leaves in
                    rows.withUnsafeBufferPointer { rows in
                        let forest = FlatForest(splits: splits, leaves: leaves, height: height, featureCount: featureCount)
                        let shared = SharedBuffers(rows: rows, output: output)
                        DispatchQueue.concurrentPerform(iterations: blocks) { block in
                            let start = block * blockSize
                            forest.score(
                                start..<min(start + blockSize, rowCount), rows: shared.rows, scale: scale,
                                into: shared.output)
                        }
                    }
                }
            }
        }
        return result
    }

    /// The score of one row.
    public func score(_ row: [Float]) -> Double { scores(row)[0] }

    /// Trees in the forest.
    public var treeCount: Int { leaves.count >> height }

    /// Whether the arrays fit together and every split names an existing feature: checked after loading
    /// stored bytes, since scoring trusts them.
    var isWellFormed: Bool {
        let trees = leaves.count >> height
        return height >= 1 && height < 31 && trees >= 1 && leaves.count == trees << height
            && splits.count == trees * ((1 << height) - 1)
            && splits.allSatisfy { $0.feature >= 0 && Int($0.feature) < featureCount }
    }

    /// Grows the subtree of heap node `node` at `depth` from `sample`.
    private mutating func grow(
        _ sample: inout ArraySlice<Int>, rows: [Float], node: Int, depth: Int, treeStart: Int, leafStart: Int,
        generator: inout SplitMix64
    ) {
        guard depth < height, sample.count > 1,
            let (column, low, high) = splittableFeature(sample, rows: rows, generator: &generator)
        else {
            // A real leaf: every padded leaf below it (the whole span at the last level) gets its path length.
            let pathLength = Float(Double(depth) + Self.averagePathLength(sample.count))
            let span = 1 << (height - depth)
            let first = (node + 1) * span - 1 - ((1 << height) - 1)
            for leaf in first..<(first + span) { leaves[leafStart + leaf] = pathLength }
            return
        }
        let cut = Float.random(in: low..<high, using: &generator)
        let split = sample.partition { rows[$0 * featureCount + column] >= cut }
        splits[treeStart + node] = Split(feature: Int32(column), threshold: cut)
        var left = sample[sample.startIndex..<split]
        grow(&left, rows: rows, node: 2 * node + 1, depth: depth + 1, treeStart: treeStart, leafStart: leafStart, generator: &generator)
        var right = sample[split..<sample.endIndex]
        grow(&right, rows: rows, node: 2 * node + 2, depth: depth + 1, treeStart: treeStart, leafStart: leafStart, generator: &generator)
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

/// The forest's arrays as raw buffers for the scoring loop.
private struct FlatForest: @unchecked Sendable {
    // Read-only views of arrays that outlive `concurrentPerform`; nobody writes them while scoring.
    let splits: UnsafeBufferPointer<IsolationForest.Split>
    let leaves: UnsafeBufferPointer<Float>
    let height: Int
    let featureCount: Int

    func score(_ block: Range<Int>, rows: UnsafeBufferPointer<Float>, scale: Double, into output: UnsafeMutableBufferPointer<Double>) {
        let inner = (1 << height) - 1
        let trees = leaves.count >> height
        let base = rows.baseAddress!
        var totals = [Float](repeating: 0, count: block.count)
        totals.withUnsafeMutableBufferPointer { totals in
            for tree in 0..<trees {
                let node = splits.baseAddress! + tree * inner
                let leaf = leaves.baseAddress! + tree * (inner + 1) - inner
                // Eight rows walk the tree in lockstep: eight independent chains of loads keep the CPU busy
                // while each waits for its next node.
                var slot = 0
                while slot + 8 <= block.count {
                    let r0 = base + (block.lowerBound + slot) * featureCount
                    let r1 = r0 + featureCount
                    let r2 = r1 + featureCount
                    let r3 = r2 + featureCount
                    let r4 = r3 + featureCount
                    let r5 = r4 + featureCount
                    let r6 = r5 + featureCount
                    let r7 = r6 + featureCount
                    var (n0, n1, n2, n3, n4, n5, n6, n7) = (0, 0, 0, 0, 0, 0, 0, 0)
                    for _ in 0..<height {
                        let s0 = node[n0]
                        let s1 = node[n1]
                        let s2 = node[n2]
                        let s3 = node[n3]
                        let s4 = node[n4]
                        let s5 = node[n5]
                        let s6 = node[n6]
                        let s7 = node[n7]
                        n0 = 2 &* n0 &+ 1 &+ step(r0[Int(s0.feature)] >= s0.threshold)
                        n1 = 2 &* n1 &+ 1 &+ step(r1[Int(s1.feature)] >= s1.threshold)
                        n2 = 2 &* n2 &+ 1 &+ step(r2[Int(s2.feature)] >= s2.threshold)
                        n3 = 2 &* n3 &+ 1 &+ step(r3[Int(s3.feature)] >= s3.threshold)
                        n4 = 2 &* n4 &+ 1 &+ step(r4[Int(s4.feature)] >= s4.threshold)
                        n5 = 2 &* n5 &+ 1 &+ step(r5[Int(s5.feature)] >= s5.threshold)
                        n6 = 2 &* n6 &+ 1 &+ step(r6[Int(s6.feature)] >= s6.threshold)
                        n7 = 2 &* n7 &+ 1 &+ step(r7[Int(s7.feature)] >= s7.threshold)
                    }
                    totals[slot + 0] += leaf[n0]
                    totals[slot + 1] += leaf[n1]
                    totals[slot + 2] += leaf[n2]
                    totals[slot + 3] += leaf[n3]
                    totals[slot + 4] += leaf[n4]
                    totals[slot + 5] += leaf[n5]
                    totals[slot + 6] += leaf[n6]
                    totals[slot + 7] += leaf[n7]
                    slot += 8
                }
                while slot < block.count {
                    let r = base + (block.lowerBound + slot) * featureCount
                    var n = 0
                    for _ in 0..<height {
                        let split = node[n]
                        n = 2 &* n &+ 1 &+ step(r[Int(split.feature)] >= split.threshold)
                    }
                    totals[slot] += leaf[n]
                    slot += 1
                }
            }
            for slot in 0..<block.count { output[block.lowerBound + slot] = exp2(Double(totals[slot]) * scale) }
        }
    }
}

/// 1 for true, 0 for false, without a branch: the comparison's flag becomes the number (`setcc`), where
/// `condition ? 1 : 0` may compile to a jump that mispredicts half the time on random splits.
@inline(__always)
private func step(_ condition: Bool) -> Int {
    Int(unsafeBitCast(condition, to: UInt8.self))
}

/// The input rows and the output scores shared by the scoring blocks: each block writes only its own rows
/// and the buffers outlive `concurrentPerform`, which makes the unchecked send safe.
private struct SharedBuffers: @unchecked Sendable {
    let rows: UnsafeBufferPointer<Float>
    let output: UnsafeMutableBufferPointer<Double>
}
