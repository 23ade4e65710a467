import Testing

@testable import VoltlineLearning

@Suite struct IsolationForestTests {
    @Test func ranksPlantedOutliersAboveInliers() throws {
        let (rows, labels) = SyntheticData.clusters(inliers: 2_000, outliers: 40, dimensions: 4)
        let forest = try IsolationForest(training: rows, featureCount: 4)
        let scores = forest.scores(rows)
        let auc = RankingQuality.areaUnderROC(scores: scores, labels: labels)
        #expect(auc > 0.9, "AUC \(auc)")
        let inlierMean = zip(scores, labels).filter { !$0.1 }.map(\.0).reduce(0, +) / 2_000
        #expect(inlierMean < 0.5)
        #expect(forest.treeCount == 100)
    }

    @Test func sameSeedSameForestAndScoresSurviveStorage() throws {
        let (rows, _) = SyntheticData.clusters(inliers: 500, outliers: 10, dimensions: 3)
        let first = try IsolationForest(training: rows, featureCount: 3)
        let second = try IsolationForest(training: rows, featureCount: 3)
        #expect(first == second)
        let model = try MultivariateAnomalyModel(featureNames: ["a", "b", "c"], training: rows)
        let restored = try MultivariateAnomalyModel(serialized: try model.serialized())
        #expect(restored.scores(rows) == model.scores(rows))
        let calibrated = model.scores(rows)
        #expect(calibrated.allSatisfy { (0...1).contains($0) })
    }

    @Test func corruptBytesAreAnUnusableModelNotACrash() throws {
        let error = #expect(throws: LearningError.self) { try MultivariateAnomalyModel(serialized: Array("{}".utf8)) }
        #expect(error?.isUnusableModel == true)
    }

    @Test func rejectsRaggedRows() {
        #expect(throws: LearningError.self) { try IsolationForest(training: [1, 2, 3], featureCount: 2) }
    }
}

@Suite struct LocalOutlierFactorTests {
    @Test func aPointBetweenClustersScoresFarAboveOneInside() throws {
        let (rows, _) = SyntheticData.clusters(inliers: 400, outliers: 0, dimensions: 2)
        let lof = try LocalOutlierFactor(training: rows, featureCount: 2, neighbours: 15)
        let inside = lof.score([2, 2])
        let outside = lof.score([0, 0])
        #expect(inside < 1.3, "inside \(inside)")
        #expect(outside > 2, "outside \(outside)")
    }
}
