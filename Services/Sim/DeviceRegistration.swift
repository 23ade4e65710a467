import Logging
import VoltlineDomain
import VoltlinePostgres
import VoltlineSimulation
import VoltlineStreams

/// Registers the simulated devices in the `devices` table, so the pipeline knows their limits: machines
/// with rated power, site and line; packs with chemistry, capacity and cell arrangement.
///
/// Registration inserts devices that are not there yet (``DeviceDirectory/register(_:)``); rows someone
/// edited are left alone. The database is optional for the simulator: when it cannot be reached, this logs
/// a warning and the simulation goes on.
struct DeviceRegistration: Sendable {
    let configuration: PostgresConfiguration
    let logger: Logger

    /// The row for `profile`.
    static func record(for profile: DeviceProfile) -> DeviceRecord {
        DeviceRecord(
            id: profile.id, kind: profile.kind, site: profile.site, line: profile.line, displayName: profile.model,
            chemistry: profile.chemistry, capacityAh: profile.capacityAh, cellsSeries: profile.cellsInSeries,
            cellsParallel: profile.cellsInParallel, ratedPowerKW: profile.ratedPowerKW,
            maxCurrentA: profile.maxCurrentA)
    }

    /// Registers every profile; logs instead of throwing.
    /// - Returns: whether every device was registered.
    @discardableResult
    func register(_ profiles: [DeviceProfile]) async -> Bool {
        let pool = PostgresPool(configuration: configuration, maxConnections: 1, logger: logger)
        let directory = DeviceDirectory(pool: pool, logger: logger)
        var registered = true
        do {
            for profile in profiles {
                try await directory.register(Self.record(for: profile))
            }
            logger.info("devices registered", metadata: [LogKey.deviceCount: "\(profiles.count)"])
        } catch {
            registered = false
            logger.warning(
                "could not register the devices; simulating without registration",
                metadata: [LogKey.error: "\(error)"])
        }
        await pool.close()
        return registered
    }
}
