/// The rows a query returned, held in memory and read in PostgreSQL's text format on demand.
public struct PostgresRows: Sendable, RandomAccessCollection {
    let result: ResultHandle

    /// The column names, in result order.
    public var columnNames: [String] { result.columnNames }
    /// The column types, in result order.
    public var columnTypes: [PostgresDataType] { result.columnTypes }

    public var startIndex: Int { 0 }
    public var endIndex: Int { result.rowCount }

    public subscript(position: Int) -> PostgresRow {
        precondition(indices.contains(position), "row index out of range")
        return PostgresRow(result: result, index: position)
    }
}
