import Logging
import ServiceLifecycle
import VoltlinePostgres
import VoltlineService
import VoltlineStreams

/// Periodic upkeep: reloads the device directory, keeps daily `readings` partitions prepared a week
/// ahead and drops those past retention. Its success also tells readiness that the database answers.
struct IngestHousekeeping: Service, CustomStringConvertible {
    let pool: PostgresPool
    let devices: DeviceDirectory
    let retentionDays: Int
    let readiness: ReadinessProbe
    let logger: Logger

    var description: String { "IngestHousekeeping" }

    func run() async throws {
        var lastPartitioning = ContinuousClock.now - .seconds(3_600)
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await devices.refresh()
                if ContinuousClock.now - lastPartitioning >= .seconds(3_600) {
                    try await maintainPartitions()
                    lastPartitioning = .now
                }
                readiness.set("database", true)
            } catch {
                readiness.set("database", false)
                logger.warning("housekeeping failed; will retry", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(10))
        }
    }

    private func maintainPartitions() async throws {
        let dropped = try await pool.withConnection { connection in
            try await connection.execute(
                "SELECT voltline_ensure_reading_partitions(current_date - 7, current_date + 7)")
            let rows = try await connection.query(
                "SELECT voltline_drop_old_reading_partitions(\(Int32(retentionDays)))")
            return try rows.first?.decode(Int.self, at: 0) ?? 0
        }
        if dropped > 0 { logger.info("dropped old reading partitions", metadata: ["ingest.partitions": "\(dropped)"]) }
    }
}
