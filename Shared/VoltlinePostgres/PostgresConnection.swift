public import Logging
import VoltlineSupport

/// One connection to PostgreSQL.
///
/// The connection owns its libpq `PGconn`: it is created by ``connect(configuration:logger:file:line:)`` and freed
/// by ``close()``, or when the last reference to the connection goes away. Every libpq call for it runs on the
/// connection's own serial ``BlockingExecutor`` queue, so blocking round trips never hold a thread of Swift's
/// cooperative pool, and calls from several tasks run one after another in submission order.
///
/// A connection is a single session: statements from concurrent tasks would interleave inside each other's
/// transactions. Share a ``PostgresPool`` between tasks instead of a connection.
public final class PostgresConnection: Sendable {
    private let handle: ConnectionHandle
    private let executor: BlockingExecutor
    let logger: Logger

    /// The configuration this connection was opened with.
    public let configuration: PostgresConfiguration

    private init(
        handle: ConnectionHandle, executor: BlockingExecutor, configuration: PostgresConfiguration, logger: Logger
    ) {
        self.handle = handle
        self.executor = executor
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens a connection and sets the session to ISO dates in UTC, which the decoders rely on.
    /// - Throws: ``PostgresError`` with ``PostgresError/Code/connectionFailed`` (unreachable, timeout, refused),
    ///   ``PostgresError/Code/authenticationFailed`` (with the server's SQLSTATE, such as `28P01`), or a server
    ///   error.
    public static func connect(
        configuration: PostgresConfiguration, logger: Logger, file: String = #fileID, line: Int = #line
    ) async throws -> PostgresConnection {
        let executor = BlockingExecutor(label: "voltline.postgres.connection")
        let handle = try await executor.run {
            try ConnectionHandle.connect(configuration, logger: logger, file: file, line: line)
        }
        let connection = PostgresConnection(
            handle: handle, executor: executor, configuration: configuration, logger: logger)
        try await connection.executeScript("SET DateStyle TO ISO; SET TimeZone TO 'UTC'", file: file, line: line)
        logger.debug("connected to PostgreSQL", metadata: [LogKey.server: "\(configuration)"])
        return connection
    }

    /// Runs one statement and returns its rows.
    /// - Throws: ``PostgresError``; ``PostgresError/Code/server`` with the SQLSTATE for statement errors,
    ///   ``PostgresError/Code/connectionLost`` when the connection broke.
    public func query(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) async throws -> PostgresRows {
        PostgresRows(result: try await run { try $0.execute(query, file: file, line: line) })
    }

    /// Runs one statement and returns the number of rows it inserted, updated, deleted, copied or selected.
    /// - Throws: like ``query(_:file:line:)``.
    @discardableResult
    public func execute(_ query: PostgresQuery, file: String = #fileID, line: Int = #line) async throws -> Int {
        try await run { try $0.execute(query, file: file, line: line) }.affectedRows
    }

    /// Runs trusted SQL that may hold several statements and no parameters (migration files, session setup).
    func executeScript(_ sql: String, file: String = #fileID, line: Int = #line) async throws {
        _ = try await run { try $0.executeScript(sql, file: file, line: line) }
    }

    /// Closes the connection and frees the libpq handle. Later calls throw ``PostgresError/Code/connectionClosed``.
    public func close() async {
        await executor.run { [handle] in handle.close() }
        logger.debug("closed PostgreSQL connection", metadata: [LogKey.server: "\(configuration)"])
    }

    /// Whether the connection is open, outside any transaction, and has not been closed by the server.
    /// Cheap: it only reads what already arrived from the server.
    public var isReadyForUse: Bool {
        get async { await executor.run { [handle] in handle.isReadyForUse } }
    }

    /// Runs `body` with the libpq handle on the connection's queue.
    func run<Value: Sendable>(_ body: @escaping @Sendable (ConnectionHandle) throws -> Value) async throws -> Value {
        do {
            return try await executor.run { [handle] in try body(handle) }
        } catch let error as PostgresError where error.code == .connectionLost {
            logger.info(
                "PostgreSQL connection lost",
                metadata: [LogKey.server: "\(configuration)", LogKey.sqlState: "\(error.sqlState ?? "")"])
            throw error
        }
    }
}
