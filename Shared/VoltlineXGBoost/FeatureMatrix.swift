/// A dense, row-major matrix of `Float` features, the input to ``GradientBoostedModel``.
///
/// `Float.nan` marks a missing value; XGBoost routes missing values down the branch it learned for them.
public struct FeatureMatrix: Sendable, Equatable {
    /// Number of rows (samples).
    public let rowCount: Int
    /// Number of columns (features).
    public let columnCount: Int
    /// Row-major values, `rowCount * columnCount` of them.
    public private(set) var values: [Float]

    /// Creates a matrix from row-major values.
    /// - Precondition: `values.count == rowCount * columnCount`.
    public init(rowCount: Int, columnCount: Int, values: [Float]) {
        precondition(values.count == rowCount * columnCount, "a \(rowCount)×\(columnCount) matrix needs \(rowCount * columnCount) values")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
    }

    /// Creates a matrix from rows of equal length.
    /// - Precondition: every row has `columnCount` values.
    public init(columnCount: Int, rows: [[Float]]) {
        var values: [Float] = []
        values.reserveCapacity(rows.count * columnCount)
        for row in rows {
            precondition(row.count == columnCount, "every row needs \(columnCount) values, one has \(row.count)")
            values.append(contentsOf: row)
        }
        self.init(rowCount: rows.count, columnCount: columnCount, values: values)
    }

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Float {
        values[row * columnCount + column]
    }
}
