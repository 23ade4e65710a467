import CXGBoost
import Synchronization

/// A gradient-boosted tree ensemble trained and evaluated by XGBoost's C API (Debian `libxgboost-dev`).
///
/// Train with ``train(features:labels:weights:parameters:)``, predict with ``predict(_:)``, and persist with
/// ``serialized()`` / ``init(serialized:)`` (XGBoost's JSON model format, readable by every XGBoost binding).
/// The booster handle is guarded by a mutex: XGBoost's prediction caches are not safe for concurrent use.
public final class GradientBoostedModel: Sendable {
    /// Wraps the raw handle; only touched while `booster` is locked, which makes the unchecked send safe.
    private struct Handle: @unchecked Sendable { let raw: BoosterHandle }
    private let booster: Mutex<Handle>

    /// Number of features the model was trained on.
    public let featureCount: Int

    private init(handle: BoosterHandle) throws(XGBoostError) {
        var features: UInt64 = 0
        try xgboostCall("XGBoosterGetNumFeature") { XGBoosterGetNumFeature(handle, &features) }
        self.featureCount = Int(features)
        self.booster = Mutex(Handle(raw: handle))
    }

    deinit { booster.withLock { _ = XGBoosterFree($0.raw) } }

    /// Trains a model on `features` and `labels`.
    /// - Parameters:
    ///   - features: one row per sample; `Float.nan` marks a missing value.
    ///   - labels: the target, one per row.
    ///   - weights: optional sample weights, one per row.
    ///   - parameters: objective, rounds and tree settings.
    /// - Throws: ``XGBoostError`` when XGBoost rejects the data or a parameter.
    public static func train(
        features: FeatureMatrix, labels: [Float], weights: [Float]? = nil, parameters: BoostingParameters
    ) throws(XGBoostError) -> GradientBoostedModel {
        let data = try DataMatrix(features, labels: labels, weights: weights)
        let handle = try makeBooster(training: data)
        do {
            for (name, value) in parameters.xgboostPairs {
                try xgboostCall("XGBoosterSetParam(\(name))") { XGBoosterSetParam(handle, name, value) }
            }
            for round in 0..<parameters.rounds {
                try xgboostCall("XGBoosterUpdateOneIter") { XGBoosterUpdateOneIter(handle, Int32(round), data.handle) }
            }
            return try GradientBoostedModel(handle: handle)
        } catch {
            XGBoosterFree(handle)
            throw error
        }
    }

    /// Loads a model saved by ``serialized()`` (or any XGBoost JSON or UBJSON model).
    /// - Throws: ``XGBoostError`` when the bytes are not an XGBoost model.
    public convenience init(serialized bytes: [UInt8]) throws(XGBoostError) {
        var raw: BoosterHandle?
        try xgboostCall("XGBoosterCreate") { XGBoosterCreate(nil, 0, &raw) }
        guard let handle = raw else {
            throw XGBoostError(function: "XGBoosterCreate", message: "no booster returned", file: #fileID, line: #line)
        }
        let status = bytes.withUnsafeBytes { XGBoosterLoadModelFromBuffer(handle, $0.baseAddress, UInt64($0.count)) }
        do {
            try xgboostCall("XGBoosterLoadModelFromBuffer") { status }
            try self.init(handle: handle)
        } catch {
            XGBoosterFree(handle)
            throw error
        }
    }

    /// The model in XGBoost's JSON format.
    public func serialized() throws(XGBoostError) -> [UInt8] {
        try booster.withLock { (handle: inout Handle) throws(XGBoostError) -> [UInt8] in
            var length: UInt64 = 0
            var bytes: UnsafePointer<CChar>?
            try xgboostCall("XGBoosterSaveModelToBuffer") {
                XGBoosterSaveModelToBuffer(handle.raw, #"{"format": "json"}"#, &length, &bytes)
            }
            // XGBoost owns the buffer until its next call on this booster: copy it out while still locked.
            guard let bytes else { return [] }
            return bytes.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
        }
    }

    /// Predicts one value per row of `features`.
    /// - Throws: ``XGBoostError`` when the column count differs from the training data's.
    public func predict(_ features: FeatureMatrix) throws(XGBoostError) -> [Float] {
        guard features.columnCount == featureCount else {
            throw XGBoostError(
                function: "predict", message: "model has \(featureCount) features, input has \(features.columnCount)",
                file: #fileID, line: #line)
        }
        let data = try DataMatrix(features)
        return try booster.withLock { (handle: inout Handle) throws(XGBoostError) -> [Float] in
            var length: UInt64 = 0
            var result: UnsafePointer<Float>?
            try xgboostCall("XGBoosterPredict") { XGBoosterPredict(handle.raw, data.handle, 0, 0, 0, &length, &result) }
            guard let result else { return [] }
            return Array(UnsafeBufferPointer(start: result, count: Int(length)))
        }
    }

    private static func makeBooster(training data: DataMatrix) throws(XGBoostError) -> BoosterHandle {
        var raw: BoosterHandle?
        var matrices: [DMatrixHandle?] = [data.handle]
        try xgboostCall("XGBoosterCreate") { XGBoosterCreate(&matrices, 1, &raw) }
        guard let raw else {
            throw XGBoostError(function: "XGBoosterCreate", message: "no booster returned", file: #fileID, line: #line)
        }
        return raw
    }
}
