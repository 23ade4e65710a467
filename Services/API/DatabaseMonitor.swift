import Logging
import ServiceLifecycle
import VoltlinePostgres
import VoltlineService

/// Probes PostgreSQL on a timer for the readiness condition `database`, and closes the pool on shutdown
/// (it runs before the HTTP server in the group, so it stops after it).
struct DatabaseMonitor: Service, CustomStringConvertible {
    /// The readiness condition this monitor sets.
    static let readinessCondition = "database"

    let pool: PostgresPool
    let interval: Duration
    let readiness: ReadinessProbe
    let logger: Logger

    var description: String { "DatabaseMonitor" }

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let reachable = await isReachable()
            readiness.set(Self.readinessCondition, reachable)
            let interval = interval
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
        readiness.set(Self.readinessCondition, false)
        await pool.close()
    }

    /// Whether a trivial query succeeds now.
    func isReachable() async -> Bool {
        do {
            _ = try await pool.withConnection { try await $0.query("SELECT 1") }
            return true
        } catch {
            logger.info("database unreachable", metadata: ["error": "\(error)"])
            return false
        }
    }
}
