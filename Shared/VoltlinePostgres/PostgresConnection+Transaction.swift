extension PostgresConnection {
    /// Runs `body` inside `BEGIN` … `COMMIT`; when `body` throws, rolls back and rethrows its error.
    ///
    /// Pass the connection handed to `body` to everything that should be part of the transaction.
    /// - Returns: what `body` returns.
    /// - Throws: `body`'s error (after `ROLLBACK`), or a ``PostgresError`` from `BEGIN`/`COMMIT` (a failed commit
    ///   has been rolled back by the server).
    public func withTransaction<Result>(
        isolation: isolated (any Actor)? = #isolation, file: String = #fileID, line: Int = #line,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await execute("BEGIN", file: file, line: line)
        let result: Result
        do {
            result = try await body(self)
        } catch {
            do {
                try await execute("ROLLBACK", file: file, line: line)
            } catch let rollbackError {
                // The connection is most likely broken; the body's error is the one worth reporting.
                logger.info("ROLLBACK failed", metadata: [LogKey.error: "\(rollbackError)"])
            }
            throw error
        }
        try await execute("COMMIT", file: file, line: line)
        return result
    }
}
