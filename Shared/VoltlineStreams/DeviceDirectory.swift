import Foundation
public import Logging
import Synchronization
public import VoltlineDomain
public import VoltlinePostgres

/// A cached view of the `devices` table, shared by a service's tasks.
///
/// Lookups are in memory; ``refresh()`` reloads the table (services call it on a timer and when they
/// meet an unknown id), and ``register(_:)`` inserts a device unless it exists.
public final class DeviceDirectory: Sendable {
    private let pool: PostgresPool
    private let devices = Mutex<[String: DeviceRecord]>([:])
    private let logger: Logger

    /// Creates an empty directory; call ``refresh()`` to load it.
    public init(pool: PostgresPool, logger: Logger) {
        self.pool = pool
        self.logger = logger
    }

    /// The record of `id`, if it is known.
    public func record(for id: String) -> DeviceRecord? {
        devices.withLock { $0[id] }
    }

    /// Every known device.
    public var all: [DeviceRecord] { devices.withLock { Array($0.values) } }

    /// The columns ``record(from:)`` decodes, in order.
    private static let columns = """
        device_id, kind, site, line, display_name, chemistry, capacity_ah, cells_series, cells_parallel,
        rated_power_kw, auto_registered, max_current_a
        """

    /// Reloads every device from the database.
    public func refresh() async throws {
        let rows = try await pool.withConnection { connection in
            try await connection.query(PostgresQuery(stringLiteral: "SELECT \(Self.columns) FROM devices"))
        }
        var loaded: [String: DeviceRecord] = [:]
        for row in rows {
            if let record = try Self.record(from: row) { loaded[record.id] = record }
        }
        devices.withLock { $0 = loaded }
        logger.debug("device directory refreshed", metadata: ["devices.count": "\(loaded.count)"])
    }

    /// A row of ``columns`` as a record; nil for a kind this build does not know.
    private static func record(from row: PostgresRow) throws -> DeviceRecord? {
        guard let kind = DeviceKind(rawValue: try row.decode(String.self, at: 1)) else { return nil }
        return DeviceRecord(
            id: try row.decode(String.self, at: 0), kind: kind, site: try row.decode(String.self, at: 2),
            line: try row.decode(String?.self, at: 3), displayName: try row.decode(String?.self, at: 4),
            chemistry: try row.decode(String?.self, at: 5).flatMap(Chemistry.init(rawValue:)),
            capacityAh: try row.decode(Double?.self, at: 6), cellsSeries: try row.decode(Int?.self, at: 7),
            cellsParallel: try row.decode(Int?.self, at: 8), ratedPowerKW: try row.decode(Double?.self, at: 9),
            maxCurrentA: try row.decode(Double?.self, at: 11), autoRegistered: try row.decode(Bool.self, at: 10))
    }

    /// Registers `record` and caches the row the table then holds for it.
    ///
    /// An automatic registration (ingest meeting an unknown id) never overwrites anything. An authoritative
    /// one (an admin, a gateway's own profile) inserts the device or completes a row that ingest registered
    /// automatically, which happens whenever a gateway's first readings arrive before its profile does; a
    /// device registered authoritatively before is left as it is.
    /// - Returns: the stored record.
    @discardableResult
    public func register(_ record: DeviceRecord) async throws -> DeviceRecord {
        // Reads back only the registered row: reloading the whole table per registration made registering a
        // large fleet quadratic. Other devices are refreshed by ``refresh()`` as before.
        let stored = try await pool.withConnection { connection in
            try await connection.execute(
                """
                INSERT INTO devices (device_id, kind, site, line, display_name, chemistry, capacity_ah, cells_series,
                                     cells_parallel, rated_power_kw, max_current_a, auto_registered)
                VALUES (\(record.id), \(record.kind.rawValue), \(record.site), \(record.line), \(record.displayName),
                        \(record.chemistry?.rawValue), \(record.capacityAh), \(record.cellsSeries.map(Int64.init)),
                        \(record.cellsParallel.map(Int64.init)), \(record.ratedPowerKW), \(record.maxCurrentA),
                        \(record.autoRegistered))
                ON CONFLICT (device_id) DO UPDATE SET
                    kind = EXCLUDED.kind, site = EXCLUDED.site, line = EXCLUDED.line,
                    display_name = EXCLUDED.display_name, chemistry = EXCLUDED.chemistry,
                    capacity_ah = EXCLUDED.capacity_ah, cells_series = EXCLUDED.cells_series,
                    cells_parallel = EXCLUDED.cells_parallel, rated_power_kw = EXCLUDED.rated_power_kw,
                    max_current_a = EXCLUDED.max_current_a, auto_registered = false
                WHERE devices.auto_registered AND NOT EXCLUDED.auto_registered
                """)
            var select = PostgresQuery.StringInterpolation(literalCapacity: 128, interpolationCount: 1)
            select.appendLiteral("SELECT \(Self.columns) FROM devices WHERE device_id = ")
            select.appendInterpolation(record.id)
            let rows = try await connection.query(PostgresQuery(stringInterpolation: select))
            return try rows.first.flatMap(Self.record(from:))
        }
        guard let stored else { return record }
        devices.withLock { $0[stored.id] = stored }
        return stored
    }
}
