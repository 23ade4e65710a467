/// Local Outlier Factor (Breunig et al., 2000) in novelty mode: fitted on normal rows, it scores a new row
/// by how much sparser its neighbourhood is than its neighbours' (≈ 1 inside a cluster, ≫ 1 outside).
///
/// Suited to small reference sets with clusters of different density (the operating states of one
/// machine), where a global method such as the Isolation Forest would flag the sparse but normal state.
/// Exact neighbours by brute force (O(n) per score): hand-written, no C library here does it, and reference
/// sets of a few thousand rows keep it cheap.
public struct LocalOutlierFactor: Sendable, Codable, Hashable {
    /// Neighbours per row.
    public let neighbours: Int
    /// Number of features per row.
    public let featureCount: Int
    private let reference: [Float]
    private let kDistance: [Double]
    private let density: [Double]

    /// Fits on row-major normal `rows`.
    /// - Throws: ``LearningError`` when there are not more rows than `neighbours`.
    public init(training rows: [Float], featureCount: Int, neighbours: Int = 20) throws(LearningError) {
        guard featureCount > 0, rows.count % featureCount == 0 else {
            throw LearningError.badInput("\(rows.count) values do not make rows of \(featureCount) features")
        }
        let count = rows.count / featureCount
        guard count > neighbours, neighbours > 0 else {
            throw LearningError.notEnoughData("LOF with \(neighbours) neighbours needs more than \(neighbours) rows")
        }
        self.neighbours = neighbours
        self.featureCount = featureCount
        self.reference = rows
        let nearest = (0..<count).map { Self.nearest(to: Array(rows[($0 * featureCount)..<(($0 + 1) * featureCount)]), in: rows, featureCount: featureCount, k: neighbours, excluding: $0) }
        let kDistance = nearest.map { $0.last!.distance }
        self.kDistance = kDistance
        density = nearest.map { neighbours in
            let reach = neighbours.reduce(0.0) { $0 + max($1.distance, kDistance[$1.index]) } / Double(neighbours.count)
            return 1 / max(reach, 1e-12)
        }
    }

    /// The LOF of a new row: mean neighbour density over its own density.
    public func score(_ row: [Float]) -> Double {
        let found = Self.nearest(to: row, in: reference, featureCount: featureCount, k: neighbours, excluding: nil)
        let reach = found.reduce(0.0) { $0 + max($1.distance, kDistance[$1.index]) } / Double(found.count)
        let own = 1 / max(reach, 1e-12)
        return found.reduce(0.0) { $0 + density[$1.index] } / Double(found.count) / own
    }

    private static func nearest(
        to row: [Float], in rows: [Float], featureCount: Int, k: Int, excluding: Int?
    ) -> [(index: Int, distance: Double)] {
        var best: [(index: Int, distance: Double)] = []
        for index in 0..<(rows.count / featureCount) where index != excluding {
            var sum: Float = 0
            for column in 0..<featureCount {
                let difference = rows[index * featureCount + column] - row[column]
                sum += difference * difference
            }
            let distance = Double(sum.squareRoot())
            if best.count < k || distance < best[best.count - 1].distance {
                let position = best.firstIndex { $0.distance > distance } ?? best.count
                best.insert((index, distance), at: position)
                if best.count > k { best.removeLast() }
            }
        }
        return best
    }
}
