import Foundation
import VoltlineSupport

/// The labelled data of the Isolation Forest benchmark and the scikit-learn side of it.
enum BenchmarkData {
    /// Rows from four Gaussian clusters of different spread plus uniformly scattered outliers (label true),
    /// shuffled, from a fixed seed.
    static func clusters(rows: Int, dimensions: Int, outlierShare: Double) -> ([Float], [Bool]) {
        var generator = SplitMix64(seed: 2024)
        var values: [Float] = []
        values.reserveCapacity(rows * dimensions)
        var labels: [Bool] = []
        let centres: [Float] = [-3, -1, 1.5, 4]
        let spreads: [Float] = [0.4, 0.6, 0.3, 0.8]
        for _ in 0..<rows {
            if Double.random(in: 0..<1, using: &generator) < outlierShare {
                values += (0..<dimensions).map { _ in Float.random(in: -8...8, using: &generator) }
                labels.append(true)
            } else {
                let cluster = Int.random(in: 0..<centres.count, using: &generator)
                values += (0..<dimensions).map { _ in centres[cluster] + spreads[cluster] * generator.gaussian() }
                labels.append(false)
            }
        }
        return (values, labels)
    }

    /// Writes `f0,...,fN,label` rows.
    static func write(_ values: [Float], _ labels: [Bool], dimensions: Int, to url: URL) throws {
        var text = ((0..<dimensions).map { "f\($0)" } + ["label"]).joined(separator: ",") + "\n"
        for (row, label) in labels.enumerated() {
            text += values[(row * dimensions)..<((row + 1) * dimensions)].map { String($0) }.joined(separator: ",")
            text += label ? ",1\n" : ",0\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// scikit-learn's side: fit on all rows (the given trees of 256 samples), time `score_samples` on all
    /// rows (the fastest of the given repeats), print JSON.
    static let sklearnScript = """
        import json, sys, time
        import numpy as np
        from sklearn.ensemble import IsolationForest
        from sklearn.metrics import roc_auc_score
        data = np.loadtxt(sys.argv[1], delimiter=",", skiprows=1, dtype=np.float32)
        x, y = data[:, :-1], data[:, -1]
        started = time.perf_counter()
        forest = IsolationForest(n_estimators=int(sys.argv[2]), max_samples=256, random_state=0).fit(x)
        trained = time.perf_counter()
        best = float("inf")
        for _ in range(int(sys.argv[3])):
            began = time.perf_counter()
            scores = -forest.score_samples(x)
            best = min(best, time.perf_counter() - began)
        print(json.dumps({"train_seconds": trained - started, "score_seconds": best,
                          "auc": roc_auc_score(y, scores)}))
        """
}

extension SplitMix64 {
    /// A standard normal value (Box–Muller).
    mutating func gaussian() -> Float {
        let u = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let v = Double.random(in: 0..<1, using: &self)
        return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
    }
}
