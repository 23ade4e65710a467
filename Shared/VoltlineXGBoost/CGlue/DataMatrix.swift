import CXGBoost

/// Owns an XGBoost `DMatrixHandle` built from a ``FeatureMatrix``; freed with the object.
///
/// XGBoost copies the values into its own storage in `XGDMatrixCreateFromMat`, so the Swift array need not
/// outlive the call.
final class DataMatrix {
    let handle: DMatrixHandle

    init(_ matrix: FeatureMatrix, labels: [Float]? = nil, weights: [Float]? = nil) throws(XGBoostError) {
        var handle: DMatrixHandle?
        let status = matrix.values.withUnsafeBufferPointer { values in
            XGDMatrixCreateFromMat(values.baseAddress, UInt64(matrix.rowCount), UInt64(matrix.columnCount), .nan, &handle)
        }
        try xgboostCall("XGDMatrixCreateFromMat") { status }
        guard let handle else {
            throw XGBoostError(function: "XGDMatrixCreateFromMat", message: "no matrix returned", file: #fileID, line: #line)
        }
        self.handle = handle
        if let labels { try setFloats("label", labels, rows: matrix.rowCount) }
        if let weights { try setFloats("weight", weights, rows: matrix.rowCount) }
    }

    private func setFloats(_ field: String, _ values: [Float], rows: Int) throws(XGBoostError) {
        guard values.count == rows else {
            throw XGBoostError(
                function: "XGDMatrixSetFloatInfo", message: "\(field) has \(values.count) values for \(rows) rows",
                file: #fileID, line: #line)
        }
        let status = values.withUnsafeBufferPointer { XGDMatrixSetFloatInfo(handle, field, $0.baseAddress, UInt64(rows)) }
        try xgboostCall("XGDMatrixSetFloatInfo") { status }
    }

    deinit { XGDMatrixFree(handle) }
}
