import Testing
import VoltlineXGBoost

@Suite struct GradientBoostedModelTests {
    /// y = 3·a − 2·b + noise-free step on c: a tree ensemble must learn it closely.
    private static func sample(count: Int) -> (FeatureMatrix, [Float]) {
        var generator = SystemRandomNumberGenerator()
        var rows: [[Float]] = []
        var labels: [Float] = []
        for _ in 0..<count {
            let a = Float.random(in: 0...1, using: &generator)
            let b = Float.random(in: 0...1, using: &generator)
            let c = Float.random(in: 0...1, using: &generator)
            rows.append([a, b, c])
            labels.append(3 * a - 2 * b + (c > 0.5 ? 1 : 0))
        }
        return (FeatureMatrix(columnCount: 3, rows: rows), labels)
    }

    @Test func learnsAFunctionAndBeatsTheMeanByFar() throws {
        let (train, labels) = Self.sample(count: 2_000)
        let model = try GradientBoostedModel.train(
            features: train, labels: labels, parameters: .init(rounds: 300, maxDepth: 4, learningRate: 0.1))
        let (test, truth) = Self.sample(count: 500)
        let predicted = try model.predict(test)
        #expect(predicted.count == 500)
        let mean = truth.reduce(0, +) / Float(truth.count)
        let modelError = zip(predicted, truth).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        let meanError = truth.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        #expect(modelError < meanError * 0.02, "R² must exceed 0.98")
        #expect(model.featureCount == 3)
    }

    @Test func aSavedModelReloadsWithIdenticalPredictions() throws {
        let (train, labels) = Self.sample(count: 300)
        let model = try GradientBoostedModel.train(features: train, labels: labels, parameters: .init(rounds: 20))
        let bytes = try model.serialized()
        #expect(String(decoding: bytes.prefix(1), as: UTF8.self) == "{")
        let reloaded = try GradientBoostedModel(serialized: bytes)
        #expect(try reloaded.predict(train) == model.predict(train))
    }

    @Test func rejectsAWrongColumnCountAndGarbageModels() throws {
        let (train, labels) = Self.sample(count: 50)
        let model = try GradientBoostedModel.train(features: train, labels: labels, parameters: .init(rounds: 2))
        #expect(throws: XGBoostError.self) { try model.predict(FeatureMatrix(columnCount: 2, rows: [[1, 2]])) }
        #expect(throws: XGBoostError.self) { try GradientBoostedModel(serialized: Array("not a model".utf8)) }
        #expect(throws: XGBoostError.self) {
            try GradientBoostedModel.train(features: train, labels: [1], parameters: .init(rounds: 1))
        }
    }
}
