import Foundation

/// An Isolation Forest for one device kind with what it needs on the stream: the feature names in column
/// order, and the empirical calibration of its training scores so its output is on the common 0–1 scale.
public struct MultivariateAnomalyModel: Sendable, Codable, Hashable {
    /// Feature names, in column order.
    public let featureNames: [String]
    /// The forest.
    public let forest: IsolationForest
    /// Raw forest scores of the training rows.
    public let calibration: ScoreCalibration

    /// Trains on row-major `rows` of normal (mostly normal) history.
    /// - Throws: ``LearningError`` when the rows do not fit the names or are too few.
    public init(
        featureNames: [String], training rows: [Float], configuration: IsolationForest.Configuration = .init()
    ) throws(LearningError) {
        self.featureNames = featureNames
        forest = try IsolationForest(training: rows, featureCount: featureNames.count, configuration: configuration)
        // Calibrating on at most 5,000 scores keeps the stored model small; the quantiles barely move.
        let stride = max(1, rows.count / featureNames.count / 5_000)
        let sample = Swift.stride(from: 0, to: rows.count / featureNames.count, by: stride).flatMap {
            rows[($0 * featureNames.count)..<(($0 + 1) * featureNames.count)]
        }
        calibration = .fitted(to: forest.scores(Array(sample)))
    }

    /// Calibrated scores (0–1) of row-major `rows`.
    public func scores(_ rows: [Float]) -> [Double] {
        forest.scores(rows).map(calibration.calibrate)
    }

    /// The model as bytes for the registry.
    public func serialized() throws(LearningError) -> [UInt8] {
        do { return Array(try JSONEncoder().encode(self)) } catch {
            throw LearningError.unusableModel("encoding the anomaly model: \(error)")
        }
    }

    /// Restores a model saved by ``serialized()``.
    /// - Throws: ``LearningError/isUnusableModel`` when the bytes are not such a model.
    public init(serialized bytes: [UInt8]) throws(LearningError) {
        do { self = try JSONDecoder().decode(Self.self, from: Data(bytes)) } catch {
            throw LearningError.unusableModel("not a stored anomaly model: \(error)")
        }
        guard forest.featureCount == featureNames.count, forest.isWellFormed else {
            throw LearningError.unusableModel("the stored forest is inconsistent with itself or its feature names")
        }
    }
}
