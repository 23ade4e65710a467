extension PostgresConnection {
    /// Bulk-loads `rows` into `table` with `COPY … FROM STDIN` in text format, streaming about 1 MiB at a time.
    ///
    /// Rows are read from `rows` lazily, so a generated sequence of millions of rows never sits in memory at once.
    /// When the task is cancelled or sending fails, the copy is aborted and nothing is loaded.
    /// - Parameters:
    ///   - table: the target table.
    ///   - columns: the target columns; every row holds one value per column, in this order (`nil` optionals
    ///     load NULL).
    ///   - rows: the rows to load.
    /// - Returns: the number of rows copied, as the server reports it.
    /// - Throws: ``PostgresError`` (for example a constraint violation, with its SQLSTATE), or `CancellationError`.
    @discardableResult
    public func copy<Rows: Sequence<[any PostgresEncodable]>>(
        into table: PostgresIdentifier, columns: [String], rows: Rows,
        isolation: isolated (any Actor)? = #isolation, file: String = #fileID, line: Int = #line
    ) async throws -> Int {
        let columnList = columns.map { PostgresIdentifier($0).quoted }.joined(separator: ", ")
        try await executeScript("COPY \(table.quoted) (\(columnList)) FROM STDIN", file: file, line: line)
        var encoder = CopyTextEncoder(chunkSize: 1 << 20)
        do {
            for row in rows {
                precondition(row.count == columns.count, "COPY row has \(row.count) values, expected \(columns.count)")
                encoder.append(row)
                if encoder.isChunkFull {
                    try Task.checkCancellation()
                    let chunk = encoder.takeChunk()
                    try await run { try $0.putCopyData(chunk, file: file, line: line) }
                }
            }
            let chunk = encoder.takeChunk()
            try await run { try $0.putCopyData(chunk, file: file, line: line) }
        } catch {
            // End the copy so the connection leaves copy mode; the server then rolls the whole COPY back.
            _ = try? await run { try $0.endCopy(abortMessage: "aborted by the client", file: file, line: line) }
            throw error
        }
        return try await run { try $0.endCopy(abortMessage: nil, file: file, line: line) }
    }
}
