public import Logging
import Synchronization

/// A small pool of ``PostgresConnection``s shared by many tasks.
///
/// At most ``maxConnections`` connections exist; further callers wait in FIFO order. Connections are opened on
/// demand. A connection is checked before it is handed out and after it comes back: one that the server closed
/// (restart, `pg_terminate_backend`), that broke, or that was left inside a transaction is closed and replaced.
/// So when the database goes away and comes back, the pool heals on the next call.
public final class PostgresPool: Sendable {
    /// The configuration new connections are opened with.
    public let configuration: PostgresConfiguration
    /// The most connections open at once.
    public let maxConnections: Int
    private let logger: Logger
    private let state: Mutex<PoolState>

    /// Creates an empty pool; connections are opened by ``withConnection(isolation:file:line:_:)``.
    /// - Parameters:
    ///   - configuration: how to connect.
    ///   - maxConnections: the most connections open at once; at least 1.
    ///   - logger: receives connection events (debug and info level).
    public init(configuration: PostgresConfiguration, maxConnections: Int = 4, logger: Logger) {
        precondition(maxConnections >= 1, "maxConnections must be at least 1")
        self.configuration = configuration
        self.maxConnections = maxConnections
        self.logger = logger
        state = Mutex(PoolState(maxConnections: maxConnections))
    }

    /// Leases a connection for the duration of `body`, waiting while all connections are in use.
    ///
    /// Do not keep the connection after `body` returns.
    /// - Returns: what `body` returns.
    /// - Throws: `body`'s error, a connection ``PostgresError``, ``PostgresError/Code/poolClosed``, or
    ///   `CancellationError` when the task is cancelled while waiting.
    public func withConnection<Result>(
        isolation: isolated (any Actor)? = #isolation, file: String = #fileID, line: Int = #line,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await lease(file: file, line: line)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            await giveBack(connection)
            throw error
        }
        await giveBack(connection)
        return result
    }

    /// Closes idle connections, fails waiting callers, and closes leased connections when they come back.
    public func close() async {
        let (idle, waiters) = state.withLock { $0.close() }
        for waiter in waiters {
            waiter.resume(throwing: PostgresError(code: .poolClosed, message: "the pool was closed", function: "close"))
        }
        for connection in idle { await connection.close() }
    }

    private func lease(file: String, line: Int) async throws -> PostgresConnection {
        var lease = try await waitForLease(file: file, line: line)
        while true {
            switch lease {
            case .connection(let connection):
                if await connection.isReadyForUse { return connection }
                logger.info("replacing a broken PostgreSQL connection", metadata: [LogKey.server: "\(configuration)"])
                await connection.close()
                lease = .open
            case .open:
                do {
                    return try await PostgresConnection.connect(
                        configuration: configuration, logger: logger, file: file, line: line)
                } catch {
                    await perform(state.withLock { $0.releaseSlot() })
                    throw error
                }
            }
        }
    }

    private func waitForLease(file: String, line: Int) async throws -> PoolState.Lease {
        let id = state.withLock { $0.makeWaiterID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: PoolState.Waiter) in
                let decision = state.withLock {
                    $0.lease(id: id, continuation: continuation, isCancelled: Task.isCancelled)
                }
                switch decision {
                case .ready(let lease):
                    continuation.resume(returning: lease)
                case .queued:
                    break
                case .closed:
                    continuation.resume(
                        throwing: PostgresError(
                            code: .poolClosed, message: "the pool is closed", function: "withConnection", file: file,
                            line: line))
                case .cancelled:
                    continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            state.withLock { $0.cancelWaiter(id: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Returns a leased connection, discarding it when it is no longer fit for the next caller.
    private func giveBack(_ connection: PostgresConnection) async {
        if await connection.isReadyForUse {
            await perform(state.withLock { $0.release(connection) })
        } else {
            logger.info("discarding a PostgreSQL connection", metadata: [LogKey.server: "\(configuration)"])
            await connection.close()
            await perform(state.withLock { $0.releaseSlot() })
        }
    }

    private func perform(_ action: PoolState.ReleaseAction) async {
        switch action {
        case .none:
            break
        case .resume(let waiter, let lease):
            waiter.resume(returning: lease)
        case .close(let connection):
            await connection.close()
        }
    }
}
