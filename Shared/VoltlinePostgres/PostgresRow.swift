/// One row of ``PostgresRows``; decode its columns by index or name.
///
/// ```swift
/// let voltage = try row.decode(Double.self, named: "voltage")
/// let note = try row.decode(String?.self, at: 2)   // nil for SQL NULL
/// ```
public struct PostgresRow: Sendable {
    let result: ResultHandle
    let index: Int

    /// Decodes the column at `column` (0-based).
    /// - Throws: ``PostgresError`` with ``PostgresError/Code/columnNotFound``, ``PostgresError/Code/unexpectedNull``
    ///   (NULL into a non-optional type) or ``PostgresError/Code/typeMismatch``.
    public func decode<Value: PostgresDecodable>(
        _ type: Value.Type = Value.self, at column: Int, file: String = #fileID, line: Int = #line
    ) throws -> Value {
        guard result.columnNames.indices.contains(column) else {
            throw PostgresError(
                code: .columnNotFound, message: "no column at index \(column)", function: "decode", file: file,
                line: line)
        }
        let name = result.columnNames[column]
        let columnType = result.columnTypes[column]
        if result.isNull(row: index, column: column) {
            guard let null = Value.postgresNull else {
                throw PostgresError(
                    code: .unexpectedNull, message: "column \"\(name)\" is NULL; decode it as \(Value.self)?",
                    function: "decode", file: file, line: line)
            }
            return null
        }
        guard let value = Value(postgresText: result.text(row: index, column: column), type: columnType) else {
            throw PostgresError(
                code: .typeMismatch, message: "cannot decode column \"\(name)\" of type \(columnType) as \(Value.self)",
                function: "decode", file: file, line: line)
        }
        return value
    }

    /// Decodes the first column called `name` (case-sensitive, as the server spells it: unquoted names are
    /// lower case).
    /// - Throws: like ``decode(_:at:file:line:)``.
    public func decode<Value: PostgresDecodable>(
        _ type: Value.Type = Value.self, named name: String, file: String = #fileID, line: Int = #line
    ) throws -> Value {
        guard let column = result.columnIndexes[name] else {
            throw PostgresError(
                code: .columnNotFound, message: "no column named \"\(name)\"", function: "decode", file: file,
                line: line)
        }
        return try decode(type, at: column, file: file, line: line)
    }
}
