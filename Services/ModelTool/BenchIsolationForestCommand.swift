import ArgumentParser
import Foundation
import VoltlineLearning

/// `voltline-models bench-iforest`: our Isolation Forest against scikit-learn's on the same labelled data.
///
/// Writes the data to a temporary CSV, creates a throwaway virtual environment in a temporary folder,
/// installs scikit-learn and numpy from PyPI into it, runs sklearn's `IsolationForest` (same trees and
/// sample size), and prints training time, scoring throughput and ROC AUC side by side. scikit-learn's
/// `score_samples` runs on one core; ours spreads blocks of rows over all cores. The temporary folder is removed at the end.
struct BenchIsolationForestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-iforest", abstract: "Benchmark the Isolation Forest against scikit-learn's.")

    @Option(help: "Rows of synthetic data (two Gaussian clusters plus uniform outliers).")
    var rows = 200_000

    @Option(help: "Features per row.")
    var dimensions = 8

    @Option(help: "Share of planted outliers.")
    var outlierShare = 0.01

    @Option(help: "Trees in each forest.")
    var trees = 100

    @Option(help: "Scoring runs on each side; the fastest counts (the machine may be busy).")
    var repeats = 3

    @Option(help: "Python interpreter used to create the virtual environment.")
    var python = "python3"

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voltline-iforest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (values, labels) = BenchmarkData.clusters(rows: rows, dimensions: dimensions, outlierShare: outlierShare)
        let csv = folder.appendingPathComponent("data.csv")
        try BenchmarkData.write(values, labels, dimensions: dimensions, to: csv)

        print("Setting up scikit-learn in a throwaway virtual environment...")
        let venv = folder.appendingPathComponent("venv")
        try Shell.run(python, ["-m", "venv", venv.path])
        let venvPython = venv.appendingPathComponent("bin/python").path
        try Shell.run(venvPython, ["-m", "pip", "install", "--quiet", "scikit-learn", "numpy"])
        let script = folder.appendingPathComponent("bench.py")
        try BenchmarkData.sklearnScript.write(to: script, atomically: true, encoding: .utf8)
        let sklearnOutput = try Shell.run(
            venvPython, [script.path, csv.path, String(trees), String(repeats)], environment: ["OMP_NUM_THREADS": "1"])
        let sklearn = try JSONDecoder().decode(SklearnResult.self, from: Data(sklearnOutput.utf8))

        let trainStart = ContinuousClock.now
        let forest = try IsolationForest(
            training: values, featureCount: dimensions, configuration: .init(trees: trees, sampleSize: 256))
        let trainSeconds = (ContinuousClock.now - trainStart).seconds
        var scores: [Double] = []
        var scoreSeconds = Double.infinity
        for _ in 0..<max(1, repeats) {
            let scoreStart = ContinuousClock.now
            scores = forest.scores(values)
            scoreSeconds = min(scoreSeconds, (ContinuousClock.now - scoreStart).seconds)
        }
        let auc = RankingQuality.areaUnderROC(scores: scores, labels: labels)

        print("\(rows) rows × \(dimensions) features, \(labels.filter { $0 }.count) planted outliers, \(trees) trees of 256")
        print(pad("implementation", 18) + pad("train s", 10) + pad("score s", 10) + pad("rows/s", 14) + "ROC AUC")
        print(
            pad("scikit-learn", 18) + pad(format(sklearn.trainSeconds, digits: 3), 10)
                + pad(format(sklearn.scoreSeconds, digits: 3), 10)
                + pad(format(Double(rows) / sklearn.scoreSeconds, digits: 0), 14) + format(sklearn.auc, digits: 4))
        print(
            pad("voltline", 18) + pad(format(trainSeconds, digits: 3), 10) + pad(format(scoreSeconds, digits: 3), 10)
                + pad(format(Double(rows) / scoreSeconds, digits: 0), 14) + format(auc, digits: 4))
        print("scoring throughput: \(format(sklearn.scoreSeconds / scoreSeconds, digits: 1))× scikit-learn's")
    }

    private struct SklearnResult: Decodable {
        let trainSeconds: Double
        let scoreSeconds: Double
        let auc: Double

        enum CodingKeys: String, CodingKey {
            case trainSeconds = "train_seconds", scoreSeconds = "score_seconds", auc
        }
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
