import CLibPQ

/// Owns one `PGresult` and frees it with `PQclear` when the last reference goes away.
///
/// `@unchecked Sendable`: libpq never changes a `PGresult` after returning it, and its accessors only read, so
/// reading one result from several threads is safe. The pointer never leaves this type.
final class ResultHandle: @unchecked Sendable {
    private let pointer: OpaquePointer

    /// The number of rows.
    let rowCount: Int
    /// Column names, in result order.
    let columnNames: [String]
    /// Column types, in result order.
    let columnTypes: [PostgresDataType]
    /// Column name to index; with duplicate names, the first column wins (as in `PQfnumber`).
    let columnIndexes: [String: Int]

    /// Takes ownership of `pointer`.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
        rowCount = Int(PQntuples(pointer))
        let columnCount = Int(PQnfields(pointer))
        // A COPY result reports its column count but has no column names.
        columnNames = (0..<columnCount).map { PQfname(pointer, Int32($0)).map { String(cString: $0) } ?? "" }
        columnTypes = (0..<columnCount).map { PostgresDataType(oid: PQftype(pointer, Int32($0))) }
        columnIndexes = Dictionary(columnNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    deinit { PQclear(pointer) }

    /// The rows a command affected (`PQcmdTuples`), 0 when it does not report any.
    var affectedRows: Int { Int(String(cString: PQcmdTuples(pointer))) ?? 0 }

    /// Whether the value at `row`, `column` is SQL NULL. Indexes must be in range.
    func isNull(row: Int, column: Int) -> Bool { PQgetisnull(pointer, Int32(row), Int32(column)) == 1 }

    /// The value at `row`, `column` in text format. Indexes must be in range.
    func text(row: Int, column: Int) -> String { String(cString: PQgetvalue(pointer, Int32(row), Int32(column))) }
}
