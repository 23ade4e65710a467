public import Foundation
public import VoltlineXGBoost

/// State of health (capacity over rated capacity) from one charge's features, by gradient-boosted trees
/// (XGBoost through ``GradientBoostedModel``).
///
/// The model learns the gap between the physical estimate (``PlainHealthEstimate``) and the measured
/// capacity, so it only has to correct, not rediscover, coulomb counting; a cell unlike any in training
/// falls back towards the physical estimate.
public struct StateOfHealthModel: Sendable {
    /// Version and provenance, stored with the model.
    public struct Metadata: Sendable, Hashable, Codable {
        /// A version string unique per training (`soh-<UTC time>-<samples>`).
        public var version: String
        /// The cells the model was trained on.
        public var trainedOn: [String]
        /// Training samples used.
        public var sampleCount: Int
        /// Rated capacity the labels were divided by, in Ah.
        public var ratedCapacityAh: Double
        /// The input names, in order; a model whose names differ from ``ChargeFeatures/modelInputNames`` is refused.
        public var inputNames: [String]
        /// When it was trained.
        public var trainedAt: Date
    }

    /// Version and provenance.
    public let metadata: Metadata
    private let booster: GradientBoostedModel

    /// Training settings: shallow trees and few rounds, for a few hundred samples.
    public static let defaultParameters = BoostingParameters(
        rounds: 300, maxDepth: 3, learningRate: 0.05, subsample: 0.8, columnSample: 0.8, minChildWeight: 3,
        threads: 1, seed: 7)

    /// Trains a model.
    /// - Parameters:
    ///   - samples: charge features with the state of health measured after them (0…1).
    ///   - ratedCapacityAh: the cells' rated capacity.
    ///   - trainedOn: names of the cells the samples come from.
    ///   - parameters: XGBoost settings.
    /// - Throws: ``XGBoostError`` when training fails.
    public static func train(
        samples: [(features: ChargeFeatures, stateOfHealth: Double)], ratedCapacityAh: Double, trainedOn: [String],
        parameters: BoostingParameters = defaultParameters, now: Date = Date()
    ) throws(XGBoostError) -> StateOfHealthModel {
        let plain = PlainHealthEstimate(ratedCapacityAh: ratedCapacityAh)
        let matrix = FeatureMatrix(
            columnCount: ChargeFeatures.modelInputNames.count, rows: samples.map(\.features.modelInputs))
        let labels = samples.map { Float($0.stateOfHealth - plain.stateOfHealth($0.features)) }
        let booster = try GradientBoostedModel.train(features: matrix, labels: labels, parameters: parameters)
        // Whole seconds, so the date survives the ISO 8601 round trip of ``serialized()`` unchanged.
        let now = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
        let stamp = ISO8601DateFormatter().string(from: now)
        return StateOfHealthModel(
            metadata: Metadata(
                version: "soh-\(stamp)-\(samples.count)", trainedOn: trainedOn, sampleCount: samples.count,
                ratedCapacityAh: ratedCapacityAh, inputNames: ChargeFeatures.modelInputNames, trainedAt: now),
            booster: booster)
    }

    private init(metadata: Metadata, booster: GradientBoostedModel) {
        self.metadata = metadata
        self.booster = booster
    }

    /// The state of health (0…1) after each charge.
    /// - Throws: ``XGBoostError`` when prediction fails.
    public func stateOfHealth(_ features: [ChargeFeatures]) throws(XGBoostError) -> [Double] {
        guard !features.isEmpty else { return [] }
        let plain = PlainHealthEstimate(ratedCapacityAh: metadata.ratedCapacityAh)
        let matrix = FeatureMatrix(columnCount: metadata.inputNames.count, rows: features.map(\.modelInputs))
        let corrections = try booster.predict(matrix)
        return zip(features, corrections).map { plain.stateOfHealth($0) + Double($1) }
    }

    /// The model as one JSON document: metadata plus XGBoost's own JSON model (base64).
    /// - Throws: ``XGBoostError`` when XGBoost cannot save the model.
    public func serialized() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(Stored(metadata: metadata, booster: Data(booster.serialized()).base64EncodedString()))
    }

    /// Reloads a model saved by ``serialized()``.
    /// - Throws: ``StateOfHealthModelError`` when the document is not a model or its inputs differ from this
    ///   build's features; ``XGBoostError`` when XGBoost refuses the trees.
    public init(serialized data: Data) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let stored = try decoder.decode(Stored.self, from: data)
        guard stored.metadata.inputNames == ChargeFeatures.modelInputNames else {
            throw StateOfHealthModelError(
                reason: "model \(stored.metadata.version) has inputs \(stored.metadata.inputNames), expected "
                    + "\(ChargeFeatures.modelInputNames)")
        }
        guard let bytes = Data(base64Encoded: stored.booster) else {
            throw StateOfHealthModelError(reason: "model \(stored.metadata.version) has no readable trees")
        }
        self.init(metadata: stored.metadata, booster: try GradientBoostedModel(serialized: [UInt8](bytes)))
    }

    private struct Stored: Codable {
        var metadata: Metadata
        var booster: String
    }
}

/// A stored state-of-health model could not be used.
public struct StateOfHealthModelError: Error, CustomStringConvertible, Sendable {
    /// What was wrong.
    public let reason: String
    public var description: String { reason }
}
